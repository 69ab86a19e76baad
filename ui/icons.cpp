#include "icons.h"

#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

// Renders one SVG in the palette's colours. Lives on the GUI thread, like every QIcon.
class PaletteSvgEngine final : public QIconEngine {
public:
    PaletteSvgEngine(QString name, QByteArray svg)
        : m_name(std::move(name))
        , m_svg(std::move(svg))
    {}

    QIconEngine* clone() const override { return new PaletteSvgEngine(m_name, m_svg); }
    QString key() const override { return u"plumb-palette-svg"_s; }
    QString iconName() override { return m_name; }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override
    {
        render(*painter, rect, mode);
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        const QColor color = neutralColor(mode);
        const QString cacheKey = u"plumb-icon/%1/%2x%3@%4/%5/%6"_s.arg(m_name)
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(scale)
                                     .arg(int(mode))
                                     .arg(color.rgba());
        QPixmap pixmap;
        if (QPixmapCache::find(cacheKey, &pixmap))
            return pixmap;
        pixmap = QPixmap(size * scale);
        pixmap.fill(Qt::transparent);
        {
            QPainter painter(&pixmap);
            render(painter, QRect(QPoint(0, 0), pixmap.size()), mode);
        }
        pixmap.setDevicePixelRatio(scale);
        QPixmapCache::insert(cacheKey, pixmap);
        return pixmap;
    }

    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override { return size; }

private:
    static QColor neutralColor(QIcon::Mode mode)
    {
        const QPalette palette = QGuiApplication::palette();
        return palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                             QPalette::WindowText);
    }

    void render(QPainter& painter, const QRect& rect, QIcon::Mode mode) const
    {
        QByteArray svg = m_svg;
        svg.replace("currentColor", neutralColor(mode).name(QColor::HexRgb).toLatin1());
        QSvgRenderer renderer(svg);
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        if (mode == QIcon::Disabled)
            painter.setOpacity(0.45); // accents fade too, not only the neutral strokes
        renderer.render(&painter, rect);
        painter.restore();
    }

    QString m_name;
    QByteArray m_svg;
};

} // namespace

QIcon icon(const QString& name)
{
    QFile file(u":/plumb/icons/%1.svg"_s.arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("Plumbline has no icon named %s", qPrintable(name));
        return {};
    }
    return QIcon(new PaletteSvgEngine(name, file.readAll()));
}

QIcon applicationIcon()
{
    QIcon appIcon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        appIcon.addFile(u":/plumb/app/plumbline-"_s + QString::number(size) + u".png"_s);
    return appIcon;
}

} // namespace plumb::ui
