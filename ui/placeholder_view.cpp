#include "placeholder_view.h"

#include <QLabel>
#include <QVBoxLayout>

namespace plumb::ui {

PlaceholderView::PlaceholderView(const QString& title, const QString& text, QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(title, this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    heading->setFont(font);
    heading->setAlignment(Qt::AlignCenter);
    auto* body = new QLabel(text, this);
    body->setWordWrap(true);
    body->setAlignment(Qt::AlignCenter);
    body->setForegroundRole(QPalette::PlaceholderText);
    layout->addStretch();
    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addStretch();
}

} // namespace plumb::ui
