// The translations are complete and current: every entry of translations/plumbline_LANG.ts is
// finished, keeps the source's placeholders and has every plural form, and lupdate finds no
// source text in ui/ or app/gui that the files lack (nor one they have that is gone).
#include "tests/support/test_paths.h"
#include "tests/support/verify.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Entry {
    QString context;
    QString source;
    QString type;      // the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList forms; // one translation, or one per plural form
    bool numerus = false;
};

// Every <message> of a .ts file, plural ones with their <numerusform>s.
QList<Entry> readAll(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read "_s + path;
        return {};
    }
    QList<Entry> entries;
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == "message"_L1) {
            entries << entry;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == "name"_L1)
            context = xml.readElementText();
        else if (name == "message"_L1)
            entry = Entry{context, {}, {}, {}, xml.attributes().value("numerus"_L1) == "yes"_L1};
        else if (name == "source"_L1)
            entry.source = xml.readElementText();
        else if (name == "translation"_L1) {
            entry.type = xml.attributes().value("type"_L1).toString();
            if (!entry.numerus)
                entry.forms << xml.readElementText();
        } else if (name == "numerusform"_L1)
            entry.forms << xml.readElementText();
    }
    if (xml.hasError())
        *error = path + u": "_s + xml.errorString();
    return entries;
}

QStringList placeholders(const QString& text)
{
    static const QRegularExpression marker(u"%(n|L?[1-9][0-9]?)"_s);
    QStringList found;
    for (const auto& match : marker.globalMatch(text))
        found << match.captured(0).remove(u'L');
    found.sort();
    found.removeDuplicates();
    return found;
}

const QString translationsDir = plumb::testing::sourceDir() + u"/translations"_s;

} // namespace

class TestTranslationFiles : public QObject {
    Q_OBJECT
private slots:
    void complete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("pluralForms");
        QTest::addColumn<int>("minimumEntries");
        // German and French both have two plural forms (one; other), as Qt's rules say. The
        // English file holds only the plural forms of the "%n" texts.
        QTest::newRow("de") << u"de"_s << 2 << 100;
        QTest::newRow("fr") << u"fr"_s << 2 << 100;
        QTest::newRow("en") << u"en"_s << 2 << 1;
    }

    void complete()
    {
        QFETCH(QString, language);
        QFETCH(int, pluralForms);
        QFETCH(int, minimumEntries);
        const QString path = translationsDir + u"/plumbline_"_s + language + u".ts"_s;
        QString error;
        const QList<Entry> entries = readAll(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(entries.size() >= minimumEntries, qPrintable(path + u" has too few entries"_s));
        QStringList problems;
        for (const Entry& entry : entries) {
            const QString where = entry.context + u": \""_s + entry.source + u'"';
            if (!entry.type.isEmpty()) {
                problems << entry.type + u": "_s + where;
                continue;
            }
            if (entry.numerus && entry.forms.size() != pluralForms)
                problems << u"plural forms missing: "_s + where;
            for (const QString& form : entry.forms) {
                if (form.trimmed().isEmpty())
                    problems << u"empty translation: "_s + where;
                else if (placeholders(form) != placeholders(entry.source))
                    problems << u"placeholders differ ("_s + form + u"): "_s + where;
            }
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(path + u":\n  "_s + problems.join(u"\n  "_s) +
                            u"\nTranslate these entries (Qt Linguist, or edit the file)."_s));
    }

    // lupdate over the sources, into copies of the files: nothing new may appear unfinished and
    // nothing may drop out, or the files are stale.
    void current()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        QStringList copies;
        for (const QString& language : {u"de"_s, u"fr"_s}) {
            const QString name = u"plumbline_"_s + language + u".ts"_s;
            QVERIFY(QFile::copy(translationsDir + u'/' + name, scratch.filePath(name)));
            QFile::setPermissions(scratch.filePath(name), QFile::ReadOwner | QFile::WriteOwner);
            copies << scratch.filePath(name);
        }
        QProcess lupdate;
        lupdate.setWorkingDirectory(plumb::testing::sourceDir());
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(PLUMB_LUPDATE),
                      QStringList{u"-locations"_s, u"none"_s, u"-no-obsolete"_s, u"-silent"_s,
                                  u"ui"_s, u"app/gui"_s, u"-ts"_s} +
                          copies);
        QVERIFY(lupdate.waitForFinished(plumb::test::hangTimeoutMs));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
        for (const QString& copy : std::as_const(copies)) {
            const QString committed = translationsDir + u'/' + QFileInfo(copy).fileName();
            QString error;
            const QList<Entry> before = readAll(committed, &error);
            const QList<Entry> after = readAll(copy, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QStringList stale;
            for (const Entry& entry : after)
                if (!entry.type.isEmpty())
                    stale << u"new or changed: "_s + entry.context + u": \""_s + entry.source +
                                 u'"';
            if (after.size() != before.size())
                stale << u"the sources have "_s + QString::number(after.size()) +
                             u" texts, the file "_s + QString::number(before.size());
            QVERIFY2(stale.isEmpty(),
                     qPrintable(committed + u" is stale:\n  "_s + stale.join(u"\n  "_s) +
                                u"\nRun the update_translations target and translate."_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "tst_translation_files.moc"
