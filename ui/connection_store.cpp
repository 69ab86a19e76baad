#include "connection_store.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {
const QString keychainService = u"Plumbline"_s;
const QString group = u"connections"_s;
} // namespace

ConnectionStore::ConnectionStore(Workbench* workbench, QObject* parent)
    : QObject(parent)
    , m_workbench(workbench)
{}

void ConnectionStore::load()
{
    QSettings settings;
    settings.beginGroup(group);
    for (const QString& label : settings.childGroups()) {
        settings.beginGroup(label);
        auto info = db::ConnectionInfo::parse(settings.value(u"url"_s).toString());
        const bool dev = settings.value(u"dev"_s).toBool();
        settings.endGroup();
        if (!info)
            continue;
        auto* job = new QKeychain::ReadPasswordJob(keychainService, this);
        job->setKey(label);
        connect(job, &QKeychain::Job::finished, this,
                [this, label, info = *info, dev](QKeychain::Job* finished) {
                    auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
                    db::ConnectionInfo withPassword = info;
                    if (read->error() == QKeychain::NoError && !read->textData().isEmpty())
                        withPassword = info.with(u"password"_s, read->textData());
                    m_workbench->addDatabase({label, withPassword, dev});
                });
        job->start();
    }
}

void ConnectionStore::add(const QString& label, const db::ConnectionInfo& info, bool dev)
{
    const QString password = info.value(u"password");
    QSettings settings;
    settings.beginGroup(group);
    settings.beginGroup(label);
    settings.setValue(u"url"_s, info.with(u"password"_s, {}).toUri());
    settings.setValue(u"dev"_s, dev);
    m_workbench->addDatabase({label, info, dev});
    if (password.isEmpty())
        return;
    auto* job = new QKeychain::WritePasswordJob(keychainService, this);
    job->setKey(label);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, label](QKeychain::Job* finished) {
        if (finished->error() != QKeychain::NoError)
            emit message(tr("The password for %1 was not saved in the keychain (%2): it is used "
                            "for this session only.")
                             .arg(label, finished->errorString()));
    });
    job->start();
}

void showAddConnectionDialog(QWidget* parent, ConnectionStore* store)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Add a database"));
    auto* label = new QLineEdit(&dialog);
    auto* url = new QLineEdit(&dialog);
    url->setPlaceholderText(u"postgresql://user@host:5432/dbname"_s);
    auto* password = new QLineEdit(&dialog);
    password->setEchoMode(QLineEdit::Password);
    password->setToolTip(QObject::tr("Stored in the system keychain, never in settings files"));
    auto* dev = new QCheckBox(QObject::tr("Development database (allows one-click sync)"), &dialog);
    auto* error = new QLabel(&dialog);
    error->setWordWrap(true);
    auto* form = new QFormLayout(&dialog);
    form->addRow(QObject::tr("Name"), label);
    form->addRow(QObject::tr("URL"), url);
    form->addRow(QObject::tr("Password"), password);
    form->addRow(dev);
    form->addRow(error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        auto info = db::ConnectionInfo::parse(url->text());
        if (!info) {
            error->setText(info.error().message);
            return;
        }
        if (label->text().trimmed().isEmpty()) {
            error->setText(QObject::tr("Give the database a name."));
            return;
        }
        db::ConnectionInfo complete = *info;
        if (!password->text().isEmpty())
            complete = complete.with(u"password"_s, password->text());
        store->add(label->text().trimmed(), complete, dev->isChecked());
        dialog.accept();
    });
    dialog.exec();
}

} // namespace plumb::ui
