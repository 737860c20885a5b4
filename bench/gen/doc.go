// Package gen generates mentoring programmes of any size for benchmarks: N
// volunteers with realistic names, contacts, dates and screening, in the
// shape of the rules package's benchmark programme. Per 100,000 volunteers
// a programme holds 50,000 children and tandems, 100,000 agreements,
// 800,000 monthly reports, 12,500 groups of 12, about 21,000 outings (one
// for every second active tandem), about 790,000 visits (one every 12 to
// 14 days of each tandem, the guide's regular contact) and 50,000
// check-ins (the coordinator's first week), in institutions of 48 children
// each — each with its coordinator, its written agreement and its rules
// for contact and outings —, with a general meeting every month. A file
// takes about 2 KB per volunteer: 198 MB at 100,000, 2 GB at a million.
//
// With [Config.Violations] at zero every subject complies with the guide
// policy (the common case in production, and the one the benchmarks time);
// a positive share gives that share of subjects one deliberate breach of a
// guide rule, so that the peer engines have findings to agree on.
//
// [Programme] builds the programme in memory; [WriteJSON] and [WriteYAML]
// stream it as a programme file, one list element per line (JSON) or per
// block (YAML), without building the whole document first. The output loads
// with mentoring.Load and checks with sabaq check; the same [Config] always
// gives the same bytes.
//
// Everything in a generated programme is invented: names are drawn from
// lists of common Kazakh and Russian names, phone numbers from the +7 700
// range and e-mail addresses from example.kz.
package gen
