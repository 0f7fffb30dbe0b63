"""Tables of bench/run.sh's layout-family section.

Reads lines of family, group (development / held-out), set, seconds and `mixtract eval --json`'s report,
separated by tabs, from standard input; prints one row per family and set, then the development families
against the held-out ones. The set "renamed" is the clean set with its files named scan_N.jpg, read from the
clean set's cache: it gives the names read from the page alone, and is left out of the other totals.
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
        speed = "(cached)" if subset == "renamed" else "%.2f" % (seconds / max(r["documents"], 1))
        print("| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s (%d) |" % (
            family, group, subset, r["documents"], speed, " | ".join(cells),
            pct(r["correct"], r["total"]), pct(r["documents_all_correct"], r["documents"]),
            pct(r["accepted"], r["reviewed"]), pct(r["accepted_correct"], r["accepted"]), wrong))
    print()
    print("| group | documents | " + " | ".join(FIELDS) +
          " | all fields | documents all right | accepted | accepted right (wrong) | 姓名 from the page alone (wrong accepted) |")
    print("|" + "---|" * (len(FIELDS) + 7))
    # Certificates, ID cards and reports apart: one kind's figures do not hide another's.
    for kind in ("certificates", "ID cards", "reports"):
        for group in ("development", "held-out"):
            chosen = [r for f, g, s, _, r in rows if g == group and kind_of(f) == kind and s != "renamed"]
            if not chosen:
                continue
            renamed = [x for f, g, s, _, r in rows if g == group and kind_of(f) == kind and s == "renamed"
                       for x in r["fields"] if x["field"] == "姓名"]
            names = "-"
            if renamed:
                right = sum(x["correct"] for x in renamed)
                wrong = sum(x["accepted"] - x["accepted_correct"] for x in renamed)
                names = "%s (%d)" % (pct(right, sum(x["total"] for x in renamed)), wrong)
            total = lambda key: sum(r[key] for r in chosen)
            cells = []
            for f in FIELDS:
                right = sum(x["correct"] for r in chosen for x in r["fields"] if x["field"] == f)
                count = sum(x["total"] for r in chosen for x in r["fields"] if x["field"] == f)
                cells.append(pct(right, count))
            print("| %s | %d | %s | %s | %s | %s | %s (%d) | %s |" % (
                kind + " " + group, total("documents"), " | ".join(cells), pct(total("correct"), total("total")),
                pct(total("documents_all_correct"), total("documents")), pct(total("accepted"), total("reviewed")),
                pct(total("accepted_correct"), total("accepted")), total("accepted") - total("accepted_correct"),
                names))
    print()


if __name__ == "__main__":
    main()
