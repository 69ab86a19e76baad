#include "log_view.h"

#include "ui/workbench.h"

#include <QFontDatabase>

using namespace Qt::StringLiterals;

namespace plumb::ui {

LogView::LogView(Workbench* workbench, QWidget* parent)
    : QPlainTextEdit(parent)
{
    setObjectName(u"log.text"_s);
    setReadOnly(true);
    setMaximumBlockCount(20000);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(&workbench->jobs(), &jobs::JobRunner::logLine, this, &LogView::append);
}

void LogView::append(const QDateTime& when, const QString& job, const QString& line)
{
    appendPlainText(when.toString(u"HH:mm:ss.zzz"_s) + u"  "_s + job + u": "_s +
                    QString(line).replace(u'\n', u' '));
}

} // namespace plumb::ui
