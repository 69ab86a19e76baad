#include "core/diagnose/report_json.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb::diagnose;

namespace {

Finding finding(const QString& id, Severity severity, OwnerKind owner)
{
    Finding f;
    f.id = id;
    f.schema = u"public"_s;
    f.table = u"t"_s;
    f.object = u"i"_s;
    f.severity = severity;
    f.owner.kind = owner;
    if (owner == OwnerKind::Extension)
        f.owner.extension = u"postgis"_s;
    return f;
}

} // namespace

// The report value type and its JSON, without a server.
class TestDiagnoseReport : public QObject {
    Q_OBJECT
private slots:
    void problemsAreWarningOrCritical()
    {
        Report report;
        CheckResult ok;
        ok.name = u"a"_s;
        CheckResult failed;
        failed.name = u"b"_s;
        failed.status = CheckStatus::Error;
        report.checks = {ok, failed};
        QVERIFY(!report.hasProblems()); // an error is reported, not a finding
        report.checks[0].status = CheckStatus::Warning;
        QVERIFY(report.hasProblems());
        QCOMPARE(report.check(u"b")->status, CheckStatus::Error);
        QVERIFY(!report.check(u"c"));
    }

    void jsonNamesAndExtensionFolding()
    {
        Report report;
        report.context.database = u"app"_s;
        CheckResult check;
        check.name = u"unused_index"_s;
        check.tier = Tier::Warning;
        Finding held = finding(u"unused_index:public.t.i"_s, Severity::Info, OwnerKind::Project);
        held.heldBackFrom = Severity::Warning;
        held.owner.file = u"db/schema/t.sql"_s;
        held.owner.line = 3;
        check.findings = {
            held, finding(u"unused_index:ext.x"_s, Severity::Warning, OwnerKind::Extension)};
        report.checks = {check};

        const QJsonObject all = toJson(report, true);
        const QJsonObject first = all.value(u"checks"_s).toArray().at(0).toObject();
        QCOMPARE(first.value(u"tier"_s).toString(), u"warning"_s);
        QCOMPARE(first.value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(first.value(u"findings"_s).toArray().size(), 2);
        const QJsonObject json = first.value(u"findings"_s).toArray().at(0).toObject();
        QCOMPARE(json.value(u"severity"_s).toString(), u"info"_s);
        QCOMPARE(json.value(u"held_back_from"_s).toString(), u"warning"_s);
        const QJsonObject owner = json.value(u"owner"_s).toObject();
        QCOMPARE(owner.value(u"kind"_s).toString(), u"project"_s);
        QCOMPARE(owner.value(u"line"_s).toInt(), 3);
        QVERIFY(owner.value(u"extension"_s).isNull());
        QVERIFY(json.value(u"fix"_s).toObject().value(u"sql"_s).isNull());

        const QJsonObject folded = toJson(report, false);
        const QJsonObject foldedCheck = folded.value(u"checks"_s).toArray().at(0).toObject();
        QCOMPARE(foldedCheck.value(u"findings"_s).toArray().size(), 1);
        QCOMPARE(foldedCheck.value(u"extension_findings"_s).toInt(), 1);
    }

    void prettyUnits()
    {
        QCOMPARE(prettyBytes(512), u"512 bytes"_s);
        QCOMPARE(prettyBytes(20 * 1024 * 1024), u"20 MB"_s);
        QCOMPARE(prettySeconds(90), u"90 s"_s);
        QCOMPARE(prettySeconds(3 * 86400), u"3 days"_s);
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseReport)
#include "tst_diagnose_report.moc"
