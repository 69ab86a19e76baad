#pragma once

#include "core/plan/executor.h"

#include <QDialog>
#include <QFont>

class QComboBox;
class QFontComboBox;
class QLineEdit;
class QSpinBox;

namespace plumb::ui {

// Plumbline's preferences, kept in QSettings: convergence timeouts, the Python interpreter for
// Python migrations, colour scheme, editor font.
struct Preferences {
    int lockTimeoutMs = 3000;
    int statementTimeoutMs = 3000;
    QString pythonInterpreter; // empty: PLUMB_PYTHON, else python3 on PATH
    enum class Theme { System, Light, Dark } theme = Theme::System;
    QFont editorFont; // default: the system's fixed-width font

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
    QLineEdit* m_python;
    QComboBox* m_theme;
    QFontComboBox* m_font;
    QSpinBox* m_fontSize;
};

} // namespace plumb::ui
