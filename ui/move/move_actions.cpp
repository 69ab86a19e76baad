// The Move view's actions that change a database: each asks by the workbench's rules, then runs
// the core function `plumb move` runs, in a job.
#include "core/transfer/move_control.h"
#include "core/workflow/confirmation.h"
#include "move_view.h" // first, and relative: lupdate reads the class (and its namespace) from it
#include "ui/confirm_change.h"
#include "ui/database_chooser.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace plumb::ui {

void MoveView::startMove()
{
    QString problem;
    auto wanted = request(&problem);
    if (!wanted) {
        report(u"start"_s, false, problem);
        return;
    }
    const workflow::Target source = m_workbench->rulesFor(*m_from->chosen());
    if (source.isReadOnly()) {
        report(
            u"start"_s, false,
            tr("%1 is read-only: a move installs change capture on its source.").arg(source.label));
        return;
    }
    const workflow::Target target = m_workbench->rulesFor(*m_to->chosen());
    // The target is changed: its rules decide (a dev database asks yes or no, any other needs
    // its name typed), as `plumb move start --confirm TARGET` does.
    confirmChange(
        m_workbench, this, target,
        tr("Move the rows of %1 into %2 and keep applying its writes until the cutover")
            .arg(source.label, target.label),
        {tr("install change capture (triggers) on the source's moved tables"),
         tr("copy every mapped table into the target from one snapshot"),
         tr("apply the writes made meanwhile until a cutover or an abort")},
        [this, wanted = *wanted, target](std::optional<QString> confirmation) {
            if (!confirmation) {
                report(u"start"_s, false, tr("Canceled: nothing was changed."));
                return;
            }
            m_status->setText(tr("Starting the move…"));
            m_workbench->beginChange();
            using Outcome = std::shared_ptr<const transfer::MoveOutcome>;
            m_workbench->jobs()
                .start<Outcome>(
                    tr("Move into %1").arg(target.label), target.label,
                    [wanted, target, confirmation](Progress& progress) -> Result<Outcome> {
                        if (auto authorized = workflow::authorizeChange(target, confirmation,
                                                                        u"move rows into it"_s);
                            !authorized)
                            return std::unexpected(authorized.error());
                        auto plan = transfer::planMove(wanted, progress);
                        if (!plan)
                            return std::unexpected(plan.error());
                        auto outcome = transfer::runMove(wanted, *plan, progress);
                        if (!outcome)
                            return std::unexpected(outcome.error());
                        return std::make_shared<const transfer::MoveOutcome>(std::move(*outcome));
                    },
                    &m_runnerJob)
                .then(this, [this](const Result<Outcome>& outcome) {
                    m_workbench->finishChange();
                    m_runnerJob = 0;
                    updateActions();
                    refresh();
                    if (!outcome) {
                        report(u"start"_s, false,
                               tr("The move stopped: %1").arg(outcome.error().message));
                        return;
                    }
                    report(u"start"_s, true,
                           (*outcome)->phase == u"done"
                               ? tr("Cut over: %n table(s) verified, writes paused %1 ms.", nullptr,
                                    int((*outcome)->tables.size()))
                                     .arg((*outcome)->writePauseMs)
                               : tr("Aborted: the source has no capture left."));
                });
            updateActions();
            pollWhileMoving();
            refresh();
        });
}

void MoveView::cutover()
{
    QString problem;
    auto wanted = controlRequest(&problem);
    if (!wanted) {
        report(u"cutover"_s, false, problem);
        return;
    }
    const auto source = sourceOfMove(&problem);
    // A cutover blocks the source's writes: the source's name is always typed, whatever its
    // protection, as `plumb move cutover --confirm SOURCE` asks.
    workflow::Target rules = m_workbench->rulesFor(*source);
    rules.requireConfirmation = true;
    confirmChange(
        m_workbench, this, rules, tr("Cut over: block writes on %1").arg(rules.label),
        {tr("block every write to the source's moved tables (until Release source)"),
         tr("apply the last captured changes and set the sequences"),
         tr("verify counts and checksums of every mapped table on both sides")},
        [this, wanted = *wanted, rules,
         cutoverSwitch = transfer::CutoverSwitch{m_switchCommand->text().trimmed()}](
            std::optional<QString> confirmation) {
            if (!confirmation) {
                report(u"cutover"_s, false, tr("Canceled: the source takes writes as before."));
                return;
            }
            m_status->setText(tr("Cutting over…"));
            m_workbench->beginChange();
            using Cut = std::shared_ptr<const transfer::CutoverResult>;
            m_workbench->jobs()
                .start<Cut>(
                    tr("Cut over into %1").arg(m_to->currentText()), rules.label,
                    [wanted, rules, confirmation,
                     cutoverSwitch](Progress& progress) -> Result<Cut> {
                        if (auto authorized =
                                workflow::authorizeChange(rules, confirmation, u"cut over"_s);
                            !authorized)
                            return std::unexpected(authorized.error());
                        auto cut = transfer::cutoverMove(wanted, progress, {}, cutoverSwitch);
                        if (!cut)
                            return std::unexpected(cut.error());
                        return std::make_shared<const transfer::CutoverResult>(std::move(*cut));
                    })
                .then(this, [this](const Result<Cut>& cut) {
                    m_workbench->finishChange();
                    if (!cut) {
                        refresh();
                        report(u"cutover"_s, false,
                               tr("The cutover did not finish: %1").arg(cut.error().message));
                        return;
                    }
                    showStatus((*cut)->status);
                    report(u"cutover"_s, true,
                           (*cut)->switched
                               ? tr("Cut over and switched: the target equals the source "
                                    "(mapped) and the switch ran; writes to the source stay "
                                    "blocked until Release source.")
                               : tr("Cut over: the target equals the source (mapped); writes to "
                                    "the source stay blocked until Release source."));
                });
            pollWhileMoving();
        });
}

void MoveView::abortMove()
{
    QString problem;
    auto wanted = controlRequest(&problem);
    if (!wanted) {
        report(u"abort"_s, false, problem);
        return;
    }
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Abort the move?"),
        tr("Abort the move into %1? The capture is removed from the source, which is left as it "
           "was; the rows copied so far stay in the target.")
            .arg(m_to->currentText()),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(u"move.abortQuestion"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, wanted = *wanted](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        m_status->setText(tr("Aborting…"));
        m_workbench->beginChange();
        m_workbench->jobs()
            .start<bool>(tr("Abort move"), m_to->currentText(),
                         [wanted](Progress& progress) -> Result<bool> {
                             if (auto stopped =
                                     transfer::stopMove(wanted.target, wanted.source, progress);
                                 !stopped)
                                 return std::unexpected(stopped.error());
                             return true;
                         })
            .then(this, [this](const Result<bool>& stopped) {
                m_workbench->finishChange();
                refresh();
                report(u"abort"_s, bool(stopped),
                       stopped ? tr("Aborted: the source has no capture left; the rows copied "
                                    "so far stay in the target.")
                               : tr("The abort failed: %1").arg(stopped.error().message));
            });
    });
    box->open();
}

void MoveView::releaseMove()
{
    QString problem;
    auto wanted = controlRequest(&problem);
    if (!wanted) {
        report(u"release"_s, false, problem);
        return;
    }
    m_status->setText(tr("Releasing the source…"));
    m_workbench->beginChange();
    m_workbench->jobs()
        .start<bool>(tr("Release move source"), m_to->currentText(),
                     [wanted = *wanted](Progress& progress) -> Result<bool> {
                         if (auto released =
                                 transfer::releaseMove(wanted.target, wanted.source, progress);
                             !released)
                             return std::unexpected(released.error());
                         return true;
                     })
        .then(this, [this](const Result<bool>& released) {
            m_workbench->finishChange();
            refresh();
            report(u"release"_s, bool(released),
                   released ? tr("Released: the source takes writes again.")
                            : tr("The release failed: %1").arg(released.error().message));
        });
}

} // namespace plumb::ui
