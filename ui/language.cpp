#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

const QString languageKey = u"appearance/language"_s;
const QString translatorName = u"plumbline.translator"_s;

QTranslator* newTranslator(QCoreApplication& app)
{
    auto* translator = new QTranslator(&app);
    translator->setObjectName(translatorName);
    return translator;
}

} // namespace

QList<Language> Language::available()
{
    // Names in their own language: a user who cannot read the current one still finds theirs.
    return {{u"en"_s, u"English"_s}, {u"de"_s, u"Deutsch"_s}, {u"fr"_s, u"Français"_s}};
}

QString Language::saved()
{
    return QSettings().value(languageKey).toString();
}

void Language::save(const QString& code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(languageKey);
    else
        settings.setValue(languageKey, code);
}

QString installTranslations(QCoreApplication& app, const QString& code)
{
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    // The ones an earlier call installed give way (tests start windows in several languages).
    for (QTranslator* earlier : app.findChildren<QTranslator*>(translatorName)) {
        QCoreApplication::removeTranslator(earlier);
        delete earlier;
    }

    // Built in by qt_add_translations (translations/CMakeLists.txt). The English one holds only
    // the plural forms of the source texts.
    QString used = u"en"_s;
    auto* ours = newTranslator(app);
    if (ours->load(locale, u"plumbline"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(ours);
        used = QLocale(ours->language()).name().section(u'_', 0, 0);
    } else {
        delete ours;
    }
    // Qt's own texts (OK, Cancel, the file dialog), from the Qt installation or what a package
    // carries beside the program; missing ones leave those texts in English.
    auto* qt = newTranslator(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return used;
}

QString formatDuration(qint64 milliseconds)
{
    const QLocale locale;
    if (milliseconds < 1000)
        return QCoreApplication::translate("Duration", "%1 ms").arg(locale.toString(milliseconds));
    if (milliseconds < 60000)
        return QCoreApplication::translate("Duration", "%1 s")
            .arg(locale.toString(static_cast<double>(milliseconds) / 1000.0, 'f', 1));
    return QCoreApplication::translate("Duration", "%1 min %2 s")
        .arg(locale.toString(milliseconds / 60000))
        .arg(locale.toString((milliseconds / 1000) % 60)
                 .rightJustified(2, locale.zeroDigit().at(0)));
}

} // namespace plumb::ui
