#pragma once

#include <QDialog>
#include <QFont>

class QComboBox;
class QFontComboBox;
class QSpinBox;

namespace plumb::ui {

// Plumbline's preferences, kept in QSettings: colour scheme, editor font, language (applied on the
// next start, see language.h). (Lock and statement timeouts are the project's: its environment
// file says them, for the workbench and plumb alike.)
struct Preferences {
    enum class Theme { System, Light, Dark } theme = Theme::System;
    QFont editorFont; // default: the system's fixed-width font
    QString language; // "de", "fr", "en"; empty: follow the system

    static Preferences load();
    void save() const;
    // Applies the colour scheme to the running application.
    void applyTheme() const;
};

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    Preferences preferences() const;

private:
    QComboBox* m_theme;
    QFontComboBox* m_font;
    QSpinBox* m_fontSize;
    QComboBox* m_language;
};

} // namespace plumb::ui
