#include "settings_dialog.h"

#include "ui/language.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QStyleHints>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::ui {

Preferences Preferences::load()
{
    const QSettings settings;
    Preferences preferences;
    preferences.theme = static_cast<Theme>(settings.value(u"appearance/theme"_s, 0).toInt());
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (const QString saved = settings.value(u"editor/font"_s).toString(); !saved.isEmpty())
        font.fromString(saved);
    preferences.editorFont = font;
    preferences.language = Language::saved();
    return preferences;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(u"appearance/theme"_s, static_cast<int>(theme));
    settings.setValue(u"editor/font"_s, editorFont.toString());
    Language::save(language);
}

void Preferences::applyTheme() const
{
    const Qt::ColorScheme scheme = theme == Theme::Light  ? Qt::ColorScheme::Light
                                   : theme == Theme::Dark ? Qt::ColorScheme::Dark
                                                          : Qt::ColorScheme::Unknown;
    QGuiApplication::styleHints()->setColorScheme(scheme);
}

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
    , m_theme(new QComboBox(this))
    , m_font(new QFontComboBox(this))
    , m_fontSize(new QSpinBox(this))
    , m_language(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    const Preferences current = Preferences::load();
    m_theme->addItems({tr("Follow the system"), tr("Light"), tr("Dark")});
    m_theme->setCurrentIndex(static_cast<int>(current.theme));
    m_font->setFontFilters(QFontComboBox::MonospacedFonts);
    m_font->setCurrentFont(current.editorFont);
    m_fontSize->setRange(6, 48);
    m_fontSize->setValue(current.editorFont.pointSize() > 0 ? current.editorFont.pointSize() : 10);
    m_language->setObjectName(u"settings.language"_s);
    m_language->addItem(tr("Follow the system"), QString());
    for (const Language& language : Language::available())
        m_language->addItem(language.name, language.code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(current.language)));
    auto* restartNote = new QLabel(tr("A new language applies when Plumbline starts again."), this);
    restartNote->setWordWrap(true);

    auto* form = new QFormLayout(this);
    form->addRow(tr("Theme"), m_theme);
    form->addRow(tr("Editor font"), m_font);
    form->addRow(tr("Editor font size"), m_fontSize);
    form->addRow(tr("Language"), m_language);
    form->addRow(QString(), restartNote);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

Preferences SettingsDialog::preferences() const
{
    Preferences preferences;
    preferences.theme = static_cast<Preferences::Theme>(m_theme->currentIndex());
    preferences.editorFont = m_font->currentFont();
    preferences.editorFont.setPointSize(m_fontSize->value());
    preferences.language = m_language->currentData().toString();
    return preferences;
}

} // namespace plumb::ui
