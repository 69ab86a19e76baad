#pragma once

#include "core/plan/executor.h"

#include <QDialog>
#include <QFont>

class QComboBox;
class QFontComboBox;
class QSpinBox;

namespace plumb::ui {

// Plumbline's preferences, kept in QSettings: convergence timeouts, colour scheme, editor font,
// language (applied on the next start, see language.h).
struct Preferences {
    int lockTimeoutMs = 3000;
    int statementTimeoutMs = 3000;
    enum class Theme { System, Light, Dark } theme = Theme::System;
    QFont editorFont; // default: the system's fixed-width font
    QString language; // "de", "fr", "en"; empty: follow the system

    static Preferences load();
    // The convergence timeouts as the plan executor takes them.
    plan::ExecuteOptions executeOptions() const;
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
    QSpinBox* m_lockTimeout;
    QSpinBox* m_statementTimeout;
    QComboBox* m_theme;
    QFontComboBox* m_font;
    QSpinBox* m_fontSize;
    QComboBox* m_language;
};

} // namespace plumb::ui
