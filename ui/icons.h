#pragma once

#include <QIcon>
#include <QString>

namespace plumb::ui {

// Plumbline's icons: the SVG files in resources/icons (see its README), drawn at whatever size
// and device pixel ratio a widget asks for, so they stay sharp on high-DPI screens. The neutral
// colour of a drawing (the word currentColor in the file) follows the palette's text colour,
// so the same files serve the light and the dark theme; disabled icons are drawn faded.
//
// `name` is the file name without ".svg", e.g. "sync". Unknown names give a null icon and a
// warning; tests check that every action has a non-null icon.
QIcon icon(const QString& name);

// The application's own icon (packaging/icons/plumbline.svg rendered to PNGs, so it needs no
// image plugin), for the window, the task bar and the About box.
QIcon applicationIcon();

} // namespace plumb::ui
