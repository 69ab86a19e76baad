#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace plumb::ui {

// A SQL text editor (or, with setSyntax, one for another language such as YAML): PostgreSQL
// highlighting from KSyntaxHighlighting with a theme that follows the palette (light or dark), line
// numbers, a fixed-width font. Read-only instances show DDL in the Diff and Plan views.
class SqlEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit SqlEditor(QWidget* parent = nullptr);

    // Highlights another language than SQL: a KSyntaxHighlighting definition name ("YAML").
    void setSyntax(const QString& definitionName);

    // The selected text, or the whole text when nothing is selected.
    QString selectedOrAllText() const;
    // Marks lines (1-based) with a background, for changed lines in side-by-side diffs.
    void highlightLines(const QList<int>& lines, const QColor& color);
    int lineNumberAreaWidth() const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    friend class LineNumberArea;
    void applyTheme();
    void paintLineNumbers(QPaintEvent* event);
    void updateLineNumberArea(const QRect& rect, int dy);

    QWidget* m_lineNumbers;
    KSyntaxHighlighting::SyntaxHighlighter* m_highlighter;
};

} // namespace plumb::ui
