"""Independent reference for the report-table import of caers.csv, computed with Python's csv module (not DuckDB).

What the canonical tables must hold when caers.csv is imported with
--report-col id --drug-col var1 --event-col var2 --strata-col strat1:
one pv_report row per id, one pv_drug row per distinct (id, var1), one pv_event row per distinct (id, var2);
drug-event pairs are those of the per-report cross product of drugs and events (what a screen counts).

Run from the repository root:
  python3 workers/import/reports/reference/caers_report_tables.py > workers/import/reports/reference/caers_report_tables.json
"""
import collections
import csv
import json

PATH = "test/fixtures/caers.csv"

with open(PATH, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))

drugs = collections.defaultdict(list)   # id -> drugs in order of first appearance
events = collections.defaultdict(set)
strata = collections.defaultdict(list)  # id -> strat1 of each row, in file order
for r in rows:
    if r["var1"] not in drugs[r["id"]]:
        drugs[r["id"]].append(r["var1"])
    events[r["id"]].add(r["var2"])
    strata[r["id"]].append(r["strat1"])

pairs = {(d, e) for i in drugs for d in drugs[i] for e in events[i]}
first_stratum = collections.Counter(values[0] for values in strata.values())
example = next(i for i in strata if len(drugs[i]) >= 3)  # the first report with three or more drugs

print(json.dumps({
    "source": "python3 csv module over test/fixtures/caers.csv (workers/import/reports/reference/caers_report_tables.py)",
    "rows": len(rows),
    "reports": len(strata),
    "drug_rows": sum(len(d) for d in drugs.values()),
    "event_rows": sum(len(e) for e in events.values()),
    "drug_event_pairs": len(pairs),
    "reports_with_conflicting_strata": sum(1 for values in strata.values() if len(set(values)) > 1),
    "reports_by_strat1": dict(sorted(first_stratum.items())),
    "example_report": {"id": int(example), "drugs_in_order": drugs[example], "events": sorted(events[example])},
}, indent=2))
