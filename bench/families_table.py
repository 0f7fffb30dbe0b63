"""Tables of bench/run.sh's layout-family section.

Reads lines of family, group (development / held-out), set, seconds and `mixtract eval --json`'s report,
separated by tabs, from standard input; prints one row per family and set, then the development families
against the held-out ones.
"""
import json
import sys

FIELDS = ["姓名", "性别", "出生日期", "学历层次", "毕业院校", "专业", "毕业日期", "证书编号", "学位", "民族", "住址",
          "公民身份号码", "入学日期", "学制", "学历类别", "学习形式", "毕结业结论", "在线验证码", "更新日期"]


def kind_of(family):
    if family.startswith("id_"):
        return "ID cards"
    if family.startswith("chsi_") or family.startswith("degree_report_"):
        return "reports"
    return "certificates"


def pct(a, b):
    return "%.1f%%" % (100.0 * a / b) if b else "-"


def main():
    rows = []
    for line in sys.stdin:
        if not line.strip():
            continue
        family, group, subset, seconds, report = line.rstrip("\n").split("\t", 4)
        rows.append((family, group, subset, float(seconds), json.loads(report)))

    print("| family | group | set | documents | s/document | " + " | ".join(FIELDS) +
          " | all fields | documents all right | accepted | accepted right (wrong) |")
    print("|" + "---|" * (len(FIELDS) + 9))
    for family, group, subset, seconds, r in rows:
        per_field = {f["field"]: f for f in r["fields"]}
        cells = [pct(per_field[f]["correct"], per_field[f]["total"]) if f in per_field else "" for f in FIELDS]
        wrong = r["accepted"] - r["accepted_correct"]
        print("| %s | %s | %s | %d | %.2f | %s | %s | %s | %s | %s (%d) |" % (
            family, group, subset, r["documents"], seconds / max(r["documents"], 1), " | ".join(cells),
            pct(r["correct"], r["total"]), pct(r["documents_all_correct"], r["documents"]),
            pct(r["accepted"], r["total"]), pct(r["accepted_correct"], r["accepted"]), wrong))
    print()
    print("| group | documents | " + " | ".join(FIELDS) +
          " | all fields | documents all right | accepted | accepted right (wrong) |")
    print("|" + "---|" * (len(FIELDS) + 6))
    # Certificates, ID cards and reports apart: one kind's figures do not hide another's.
    for kind in ("certificates", "ID cards", "reports"):
        for group in ("development", "held-out"):
            chosen = [r for f, g, _, _, r in rows if g == group and kind_of(f) == kind]
            if not chosen:
                continue
            total = lambda key: sum(r[key] for r in chosen)
            cells = []
            for f in FIELDS:
                right = sum(x["correct"] for r in chosen for x in r["fields"] if x["field"] == f)
                count = sum(x["total"] for r in chosen for x in r["fields"] if x["field"] == f)
                cells.append(pct(right, count))
            print("| %s | %d | %s | %s | %s | %s | %s (%d) |" % (
                kind + " " + group, total("documents"), " | ".join(cells), pct(total("correct"), total("total")),
                pct(total("documents_all_correct"), total("documents")), pct(total("accepted"), total("total")),
                pct(total("accepted_correct"), total("accepted")), total("accepted") - total("accepted_correct")))
    print()


if __name__ == "__main__":
    main()
