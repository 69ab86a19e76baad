#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;

namespace plumb::ui {

// The languages of the workbench. The translations (translations/plumbline_LANG.ts) are built into
// the program; the language follows the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG on Linux;
// the user's preferred languages elsewhere) unless Settings names one, which applies on the next
// start: widgets are made with their texts once, so switching under a running window would leave
// half of it in the old language.
struct Language {
    QString code; // "de", "fr", "en"; empty: follow the system
    QString name; // in its own language ("Deutsch"), for the Settings list

    // The languages Plumbline speaks, English first.
    static QList<Language> available();
    // The language chosen in Settings (QSettings "appearance/language"); empty: the system's.
    static QString saved();
    static void save(const QString& code);
};

// The locale the workbench speaks and formats numbers, dates and durations in: the saved choice
// (`code`, when not empty) or the system's. Installs Plumbline's translation and Qt's own (the
// standard buttons and dialogs) into `app`, and makes the locale QLocale's default so every
// QLocale() formats with it, replacing what an earlier call installed. Call it before the first
// window is made. Returns the language used ("en" when no translation matched).
QString installTranslations(QCoreApplication& app, const QString& code);

// Durations the way the Activity and Plan views show them: "850 ms", "4.2 s", "3 min 05 s", in
// the default locale's digits and separators.
QString formatDuration(qint64 milliseconds);

} // namespace plumb::ui
