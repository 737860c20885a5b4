// Package guide knows the structure of the Sectoral volunteering guide
// (Салалық волонтерлік бойынша нұсқаулық) whose BIRGEMIZ SABAQTASTYQ
// direction the default policies encode, and turns a rule's source string
// into citations a coordinator can follow.
//
// # The table
//
// [Structure] is an embedded table (structure.yaml) of the guide's three
// parts, their sections, the numbered steps of Part II's roadmaps, the
// eight appendices and the clauses of Appendix 2 (the volunteer
// agreement), each at its lines of the guide's Kazakh text (the file
// seeds/000_15f48fb82a983cfd.txt, 3259 lines) and each titled in Kazakh —
// the guide's own heading — Russian and English. Steps and clauses carry a
// number and no title of their own: a citation names them by number under
// their section's title. Where the text, extracted from the PDF, interleaves
// two entries (Appendix 3's mentor call runs on after Appendix 4), an entry
// has more than one range.
//
// # Citations
//
// A rule's source is written for maintainers: "R10, D2 §3.10 (L2262)" names
// the rule digest's ids and lines of the Kazakh text, which a coordinator
// does not have. [Parse] reads those strings (see its forms) and [Resolve]
// places every line or range in the innermost entry that holds it, once per
// rule, in the three languages:
//
//	kk: 2-қосымша (Келісім), «Волонтердің міндеттері», 3.10-тармақ
//	ru: Приложение 2 (Соглашение волонтёра), «Обязанности волонтёра», п. 3.10
//	en: Appendix 2 (Volunteer agreement), «The volunteer's duties», clause 3.10
//
// The Law on Volunteer Activity is cited in the reader's language too
// ("«Волонтерлік қызмет туралы» Қазақстан Республикасының Заңы, 12-бап,
// 2-тармақ"). A label that names a clause or step ("§5.1", "3.6") wins
// over a line that falls just outside it. A source that does not parse — a
// policy author's own words — is no error: it has no citations and is shown
// as written ([Text]).
//
// The JSON shape of a [Citation] is what `sabaq check --format json`,
// POST /v1/check and `sabaq due --format json` add to each finding as
// "citations", beside the unchanged "source": the digest ids ("ref"), the
// place without titles ("section"), the innermost title ("title"), the whole
// citation ("text") and the first and last line ("lines"), for tools that
// open the text.
//
// Everything here is read-only once built and safe for concurrent use.
package guide
