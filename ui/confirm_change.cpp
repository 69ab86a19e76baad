#include "confirm_change.h"

#include "core/fleet/fleet_apply.h"
#include "ui/workbench.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace plumb::ui {

ConfirmChangeDialog::ConfirmChangeDialog(const workflow::ChangePrompt& prompt,
                                         const workflow::Target& target, QWidget* parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_go(nullptr)
{
    setObjectName(u"confirmChange"_s);
    setWindowTitle(tr("%1 on %2?").arg(prompt.what, prompt.database));
    QString html = u"<p><b>"_s + prompt.what.toHtmlEscaped() + u"</b></p><table>"_s;
    auto row = [&html](const QString& name, const QString& value) {
        html += u"<tr><td>"_s + name.toHtmlEscaped() + u"&nbsp;</td><td><b>"_s +
                value.toHtmlEscaped() + u"</b></td></tr>"_s;
    };
    if (!prompt.environment.isEmpty())
        row(tr("Environment"),
            prompt.environment + u" ("_s + workflow::protectionName(prompt.protection) + u')');
    row(tr("Host"), prompt.host);
    row(tr("Port"), prompt.port);
    row(tr("Database"), prompt.database);
    row(tr("Server"),
        prompt.serverVersion.isEmpty() ? tr("unknown") : u"PostgreSQL "_s + prompt.serverVersion);
    row(tr("URL from"), prompt.source);
    html += u"</table>"_s;
    for (const QString& reason : prompt.reasons)
        html += u"<p>"_s + tr("Protected: %1.").arg(reason).toHtmlEscaped() + u"</p>"_s;
    build(html, prompt.steps, tr("Type the database name, %1, to go ahead:").arg(prompt.database),
          prompt.what,
          [target](const QString& text) { return workflow::confirmationPasses(target, text); });
}

ConfirmChangeDialog::ConfirmChangeDialog(const QString& what, const QString& environment,
                                         const QStringList& facts, const QStringList& steps,
                                         QWidget* parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_go(nullptr)
{
    setObjectName(u"confirmChange"_s);
    setWindowTitle(tr("%1 on %2?").arg(what, environment));
    QString html = u"<p><b>"_s + what.toHtmlEscaped() + u"</b></p>"_s;
    for (const QString& fact : facts)
        html += u"<p>"_s + fact.toHtmlEscaped() + u"</p>"_s;
    build(html, steps, tr("Type the environment's name, %1, to go ahead:").arg(environment), what,
          [environment](const QString& text) {
              return !environment.isEmpty() && text == environment;
          });
}

void ConfirmChangeDialog::build(const QString& html, const QStringList& steps,
                                const QString& typeLabel, const QString& goText,
                                std::function<bool(const QString&)> passes)
{
    auto* layout = new QVBoxLayout(this);
    auto* facts = new QLabel(this);
    facts->setObjectName(u"confirmChange.facts"_s);
    facts->setTextFormat(Qt::RichText);
    facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    facts->setWordWrap(true);
    facts->setText(html);
    layout->addWidget(facts);

    if (!steps.isEmpty()) {
        auto* list = new QPlainTextEdit(this);
        list->setObjectName(u"confirmChange.steps"_s);
        list->setReadOnly(true);
        list->setPlainText(steps.join(u'\n'));
        list->setMaximumHeight(160);
        layout->addWidget(new QLabel(tr("What will run:"), this));
        layout->addWidget(list);
    }

    layout->addWidget(new QLabel(typeLabel, this));
    m_name->setObjectName(u"confirmChange.name"_s);
    layout->addWidget(m_name);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_go = buttons->addButton(goText, QDialogButtonBox::AcceptRole);
    m_go->setObjectName(u"confirmChange.go"_s);
    m_go->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this,
            [this, passes = std::move(passes)](const QString& text) {
                m_go->setEnabled(passes(text));
            });
}

QString ConfirmChangeDialog::typed() const
{
    return m_name->text();
}

void confirmChange(Workbench* workbench, QWidget* context, const workflow::Target& target,
                   const QString& what, const QStringList& steps, Decision decided,
                   StepsProbe probe)
{
    if (target.isReadOnly()) {
        auto* box = new QMessageBox(QMessageBox::Information, QObject::tr("Read-only database"),
                                    QObject::tr("%1 is read-only (%2): Plumbline changes nothing "
                                                "there.")
                                        .arg(target.label, target.reasons.join(u"; "_s)),
                                    QMessageBox::Ok, context);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    if (!target.confirmationRequired()) {
        auto* box = new QMessageBox(
            QMessageBox::Question, QObject::tr("Change %1?").arg(target.label),
            QObject::tr("%1 on the development database %2?").arg(what, target.label),
            QMessageBox::Yes | QMessageBox::No, context);
        box->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(box, &QMessageBox::finished, context, [box, decided](int) {
            const bool yes = box->clickedButton() == box->button(QMessageBox::Yes);
            decided(yes ? std::optional<QString>(QString()) : std::nullopt);
        });
        box->open();
        return;
    }
    // The server's version (and the preview of what will run) come from the server itself: a
    // job, then the dialog.
    workbench->jobs()
        .start<workflow::ChangePrompt>(
            QObject::tr("Check %1").arg(target.label), target.label,
            [target, what, steps, probe](Progress& progress) -> Result<workflow::ChangePrompt> {
                QStringList shown = steps;
                if (probe) {
                    auto previewed = probe(progress);
                    if (!previewed)
                        return std::unexpected(previewed.error());
                    shown = *previewed;
                }
                return workflow::probeChange(target, what, shown, progress);
            })
        .then(context, [context, target, what, steps,
                        decided](const Result<workflow::ChangePrompt>& probed) {
            // A server that cannot be reached still gets the facts the URL gives.
            workflow::ChangePrompt prompt =
                probed ? *probed : workflow::changePrompt(target, what, steps);
            if (!probed)
                prompt.reasons.append(
                    QObject::tr("the server did not answer: %1").arg(probed.error().message));
            auto* dialog = new ConfirmChangeDialog(prompt, target, context);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(dialog, &QDialog::finished, context, [dialog, decided](int result) {
                decided(result == QDialog::Accepted ? std::optional<QString>(dialog->typed())
                                                    : std::nullopt);
            });
            dialog->open();
        });
}

void confirmFleetChange(QWidget* context, const project::Environment& environment,
                        const QString& what, const QStringList& facts, const QStringList& steps,
                        Decision decided)
{
    const workflow::Protection protection = fleet::fleetProtection(environment);
    if (protection == workflow::Protection::ReadOnly) {
        auto* box = new QMessageBox(
            QMessageBox::Information, QObject::tr("Read-only environment"),
            QObject::tr("%1 is read-only (readonly: true): Plumbline changes nothing there.")
                .arg(environment.name),
            QMessageBox::Ok, context);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    if (!fleet::fleetConfirmationRequired(environment)) {
        auto* box = new QMessageBox(
            QMessageBox::Question, QObject::tr("Change %1?").arg(environment.name),
            QObject::tr("%1 on the development fleet %2?").arg(what, environment.name),
            QMessageBox::Yes | QMessageBox::No, context);
        box->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(box, &QMessageBox::finished, context, [box, decided](int) {
            const bool yes = box->clickedButton() == box->button(QMessageBox::Yes);
            decided(yes ? std::optional<QString>(QString()) : std::nullopt);
        });
        box->open();
        return;
    }
    auto* dialog = new ConfirmChangeDialog(what, environment.name, facts, steps, context);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::finished, context, [dialog, decided](int result) {
        decided(result == QDialog::Accepted ? std::optional<QString>(dialog->typed())
                                            : std::nullopt);
    });
    dialog->open();
}

} // namespace plumb::ui
