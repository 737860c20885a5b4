"""Reads an iCalendar file with python-icalendar (a parser other than the
one that wrote it) and prints its events as JSON: what calendar.Write
promises, as another program sees it."""
import json
import sys

import icalendar

cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
events = []
for ev in cal.walk("VEVENT"):
    events.append({
        "uid": str(ev["UID"]),
        "start": ev.decoded("DTSTART").isoformat(),
        "end": ev.decoded("DTEND").isoformat(),
        "stamp": ev.decoded("DTSTAMP").isoformat(),
        "summary": str(ev["SUMMARY"]),
        "language": ev["SUMMARY"].params.get("LANGUAGE", ""),
        "description": str(ev["DESCRIPTION"]),
    })
json.dump({"version": str(cal["VERSION"]), "prodid": str(cal["PRODID"]), "events": events},
          sys.stdout, ensure_ascii=False)
