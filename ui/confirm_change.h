#pragma once

#include "core/project/environment.h"
#include "core/workflow/confirmation.h"
#include "core/workflow/target.h"

#include <QDialog>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

class QLineEdit;
class QPushButton;
class QWidget;

namespace plumb::ui {

class Workbench;

// Asks for the database name before a change to a target that needs confirmation: shows the
// host, port, database and server version, where the URL came from, why the target is
// protected and what will run. The button that goes ahead stays disabled until the name is
// typed in full (workflow::confirmationPasses), so an empty or partial answer cannot pass.
// Object names for tests: "confirmChange", "confirmChange.name", "confirmChange.go".
class ConfirmChangeDialog : public QDialog {
    Q_OBJECT
public:
    ConfirmChangeDialog(const workflow::ChangePrompt& prompt, const workflow::Target& target,
                        QWidget* parent = nullptr);
    // A fleet's change: the environment's name is typed (fleet::authorizeFleetChange's rule).
    // `facts` are shown one a line: the environment, its protection, the targets.
    ConfirmChangeDialog(const QString& what, const QString& environment, const QStringList& facts,
                        const QStringList& steps, QWidget* parent = nullptr);
    QString typed() const;

private:
    void build(const QString& html, const QStringList& steps, const QString& typeLabel,
               const QString& goText, std::function<bool(const QString&)> passes);

    QLineEdit* m_name;
    QPushButton* m_go;
};

// What a person decided: the typed confirmation to pass to the core (empty for a dev target that
// needs none), or nullopt when they declined.
using Decision = std::function<void(std::optional<QString> confirmation)>;

// Works out, in the probing job, what will run (a preview read from the server); replaces the
// steps given when it succeeds.
using StepsProbe = std::function<Result<QStringList>(Progress&)>;

// Asks before `what` runs on `target`, without blocking the GUI thread: a dev target (without
// require_confirmation) asks yes or no; any other first reads the server's version (and runs
// `probe`, when given) in a job, then shows ConfirmChangeDialog. `decided` runs on the GUI
// thread, once, unless `context` is destroyed first. A read-only target is refused with a
// message and `decided` never runs.
void confirmChange(Workbench* workbench, QWidget* context, const workflow::Target& target,
                   const QString& what, const QStringList& steps, Decision decided,
                   StepsProbe probe = {});

// Asks before `what` runs across the fleet of `environment`, by the fleet's rule
// (fleet::fleetProtection): read-only refuses with a message, a dev environment asks yes or no,
// any other shows ConfirmChangeDialog for the environment's name. `decided` as above.
void confirmFleetChange(QWidget* context, const project::Environment& environment,
                        const QString& what, const QStringList& facts, const QStringList& steps,
                        Decision decided);

} // namespace plumb::ui
