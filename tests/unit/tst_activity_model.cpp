// The Activity view's model: one row per job, newest first, and a job run again on the same
// target (a view's refresh, the Move view's status poll) replaces its earlier successful run.
#include "ui/activity_model.h"

#include <QTest>

using namespace Qt::StringLiterals;
using plumb::jobs::JobSnapshot;
using plumb::jobs::JobState;
using plumb::ui::ActivityModel;

namespace {

JobSnapshot job(quint64 id, const QString& title, const QString& target, JobState state)
{
    JobSnapshot snapshot;
    snapshot.id = id;
    snapshot.title = title;
    snapshot.target = target;
    snapshot.state = state;
    return snapshot;
}

QStringList rows(const ActivityModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, ActivityModel::Title).data().toString() + u'@' +
                   model.index(row, ActivityModel::Target).data().toString() + u'#' +
                   model.index(row, 0).data(ActivityModel::JobIdRole).toString();
    return out;
}

} // namespace

class TestActivityModel : public QObject {
    Q_OBJECT
private slots:
    void aSnapshotUpdatesItsRow()
    {
        ActivityModel model;
        model.adopt(job(1, u"Introspect"_s, u"demo"_s, JobState::Running));
        model.adopt(job(1, u"Introspect"_s, u"demo"_s, JobState::Succeeded));
        QCOMPARE(rows(model), QStringList{u"Introspect@demo#1"_s});
    }

    void aPollKeepsOneRow()
    {
        ActivityModel model;
        for (quint64 id = 1; id <= 30; ++id) {
            model.adopt(job(id, u"Move status"_s, u"target"_s, JobState::Running));
            model.adopt(job(id, u"Move status"_s, u"target"_s, JobState::Succeeded));
        }
        QCOMPARE(rows(model), QStringList{u"Move status@target#30"_s});
    }

    void failuresOtherTargetsAndRunningJobsStay()
    {
        ActivityModel model;
        model.adopt(job(1, u"Move status"_s, u"a"_s, JobState::Failed));
        model.adopt(job(2, u"Move status"_s, u"b"_s, JobState::Succeeded));
        model.adopt(job(3, u"Move status"_s, u"a"_s, JobState::Running));
        model.adopt(job(4, u"Move status"_s, u"a"_s, JobState::Running));
        model.adopt(job(5, u"Apply plan"_s, u"a"_s, JobState::Succeeded));
        QCOMPARE(rows(model),
                 (QStringList{u"Apply plan@a#5"_s, u"Move status@a#4"_s, u"Move status@a#3"_s,
                              u"Move status@b#2"_s, u"Move status@a#1"_s}));
        // 3 succeeds; the next run on `a` supersedes it, and only it.
        model.adopt(job(3, u"Move status"_s, u"a"_s, JobState::Succeeded));
        model.adopt(job(6, u"Move status"_s, u"a"_s, JobState::Running));
        QCOMPARE(rows(model),
                 (QStringList{u"Move status@a#6"_s, u"Apply plan@a#5"_s, u"Move status@a#4"_s,
                              u"Move status@b#2"_s, u"Move status@a#1"_s}));
    }
};

QTEST_GUILESS_MAIN(TestActivityModel)
#include "tst_activity_model.moc"
