#pragma once

#include <QWidget>

namespace plumb::ui {

// What a view shows before it has content: its name and what it will hold.
class PlaceholderView : public QWidget {
    Q_OBJECT
public:
    PlaceholderView(const QString& title, const QString& text, QWidget* parent = nullptr);
};

} // namespace plumb::ui
