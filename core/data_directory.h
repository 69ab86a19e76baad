#pragma once

#include <QString>

namespace plumb {

// The folder Plumbline keeps its own files in (the demo project, caches), shared by the
// workbench and `plumb`: ~/.local/share/Plumbline on Linux (the platform's generic data location
// plus "Plumbline"). Not QStandardPaths::AppLocalDataLocation: that adds the organisation and the
// application name, which gave ~/.local/share/Plumbline/Plumbline for the workbench and
// .../Plumbline/plumb for the CLI.
QString dataDirectory();

// Moves what an earlier version left in ~/.local/share/Plumbline/Plumbline up into
// dataDirectory(), once; entries that exist in both places stay where they are. Called at start.
void moveLegacyDataDirectory();

} // namespace plumb
