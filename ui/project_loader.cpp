#include "project_loader.h"

#include "core/plan/schema_compare.h"
#include "ui/models_model.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace plumb::ui {

Result<QString> materializeDemoProject(const QString& targetDir, const db::ConnectionInfo& database)
{
    QDir(targetDir).removeRecursively();
    QDirIterator files(u":/demo"_s, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString source = files.next();
        const QString target = targetDir + source.mid(QStringLiteral(":/demo").size());
        QDir().mkpath(QFileInfo(target).path());
        if (!QFile::copy(source, target))
            return fail(ErrorCode::Generic, u"cannot write the demo project to "_s + target);
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ReadGroup | QFileDevice::ReadOther);
    }
    // The demo's database is the embedded server's: written out in the file, so the environment
    // is dev by the same rule as any project's (a ${VAR} URL would make it protected).
    QFile environment(targetDir + u"/db/environments/local.yaml"_s);
    if (!environment.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Generic, u"the demo project has no local.yaml"_s);
    QString text = QString::fromUtf8(environment.readAll());
    environment.close();
    static const QRegularExpression urlLine(u"^database_url:.*$"_s,
                                            QRegularExpression::MultilineOption);
    text.replace(urlLine, u"database_url: \""_s + database.toUri() + u'"');
    if (!environment.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        environment.write(text.toUtf8()) < 0)
        return fail(ErrorCode::Generic, u"cannot write the demo project's local.yaml"_s);
    return targetDir;
}

ProjectSnapshot snapshotOf(workflow::ProjectState state)
{
    ProjectSnapshot snapshot;
    snapshot.models.projectDir = state.session.project.root();
    snapshot.models.declared = *state.declared.catalog;
    snapshot.models.declarations = state.declarations;
    if (state.live) {
        snapshot.models.live = state.live->catalog;
        snapshot.models.tableStatuses = plan::tableStatuses(
            snapshot.models.declared, state.live->catalog, *state.liveToDeclared);
    }
    snapshot.models.tree = ModelsModel::buildTree(snapshot.models);
    if (state.plan)
        snapshot.planLayout = layOutPlan(*state.plan);
    snapshot.state = std::move(state);
    return snapshot;
}

} // namespace plumb::ui
