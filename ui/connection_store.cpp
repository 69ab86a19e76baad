#include "connection_store.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <iterator>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

const QString keychainService = u"Plumbline"_s;
const QString group = u"connections"_s;
// The URL keywords that hold secrets: kept in the keychain, never in the settings.
const QString secretKeywords[] = {u"password"_s, u"sslpassword"_s};

// The password keeps the key it always had (the label); other secrets get their own.
QString keychainKey(const QString& label, const QString& keyword)
{
    return keyword == u"password" ? label : label + u'#' + keyword;
}

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
        readSecrets(label, *info, dev, 0);
    }
}

// Reads the connection's secrets from the keychain one after the other (a job each), then hands
// the connection to the workbench. A secret the keychain does not have is simply absent.
void ConnectionStore::readSecrets(const QString& label, const db::ConnectionInfo& info, bool dev,
                                  int next)
{
    if (next == static_cast<int>(std::size(secretKeywords))) {
        m_workbench->addDatabase({label, info, dev});
        return;
    }
    const QString keyword = secretKeywords[next];
    auto* job = new QKeychain::ReadPasswordJob(keychainService, this);
    job->setKey(keychainKey(label, keyword));
    connect(job, &QKeychain::Job::finished, this,
            [this, label, info, dev, next, keyword](QKeychain::Job* finished) {
                auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
                db::ConnectionInfo withSecret = info;
                if (read->error() == QKeychain::NoError && !read->textData().isEmpty())
                    withSecret = info.with(keyword, read->textData());
                readSecrets(label, withSecret, dev, next + 1);
            });
    job->start();
}

void ConnectionStore::add(const QString& label, const db::ConnectionInfo& info, bool dev)
{
    QSettings settings;
    settings.beginGroup(group);
    settings.beginGroup(label);
    // redacted(): the URL without its password and sslpassword, which go to the keychain.
    settings.setValue(u"url"_s, info.redacted());
    settings.setValue(u"dev"_s, dev);
    m_workbench->addDatabase({label, info, dev});
    for (const QString& keyword : secretKeywords) {
        const QString secret = info.value(keyword);
        if (secret.isEmpty())
            continue;
        auto* job = new QKeychain::WritePasswordJob(keychainService, this);
        job->setKey(keychainKey(label, keyword));
        job->setTextData(secret);
        connect(job, &QKeychain::Job::finished, this, [this, label](QKeychain::Job* finished) {
            if (finished->error() != QKeychain::NoError)
                emit message(tr("The password for %1 was not saved in the keychain (%2): it is "
                                "used for this session only.")
                                 .arg(label, finished->errorString()));
        });
        job->start();
    }
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
