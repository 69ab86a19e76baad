#pragma once

#include <QPlainTextEdit>

namespace plumb::ui {

class Workbench;

// What was executed and decided, with timestamps: every job's log lines, oldest first.
class LogView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit LogView(Workbench* workbench, QWidget* parent = nullptr);
    void append(const QDateTime& when, const QString& job, const QString& line);
};

} // namespace plumb::ui
