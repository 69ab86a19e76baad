# Plumbline's packages, made by CPack from the install tree (packaging/README.md):
#   Linux    .deb, .rpm and .tar.gz   cd build/default && cpack
#   Windows  an MSI (WiX v4)          cpack -G WIX
#   macOS    a .dmg with the bundle   cpack -G DragNDrop
# The version is the project's (the top-level CMakeLists.txt); runtime dependencies are found by
# the generators (dpkg-shlibdeps, rpm's automatic requires) except what is loaded at run time.
set(CPACK_PACKAGE_NAME plumbline)
set(CPACK_PACKAGE_VENDOR "The Plumbline developers")
set(CPACK_PACKAGE_CONTACT "${PLUMBLINE_CONTACT}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PLUMBLINE_HOMEPAGE}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "PostgreSQL schema workbench")
# Lines of at most 80 characters: Debian's control file shows them as they are.
set(CPACK_PACKAGE_DESCRIPTION
    "Plumbline is a desktop workbench for PostgreSQL databases whose schema is"
    "declared as SQL files. It shows the declared models, the migration history"
    "of each database, online-safe plans with the lock each step takes, health"
    "findings with fixes and drift between databases, and applies changes only"
    "under a migration lock. The command-line twin, plumb, runs the same checks"
    "and changes headless, for continuous integration.")
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Plumbline")
set(CPACK_PACKAGE_EXECUTABLES plumbline "Plumbline")
set(CPACK_STRIP_FILES ON)
set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_BINARY_DIR}/packaging/LICENSE.txt")
file(WRITE "${CPACK_RESOURCE_FILE_LICENSE}"
     "Plumbline ${PROJECT_VERSION}\n\nLicence: ${PLUMBLINE_LICENSE}\n${PLUMBLINE_LICENSE_TEXT}\n")

if(WIN32)
  set(CPACK_GENERATOR WIX)
elseif(APPLE)
  set(CPACK_GENERATOR DragNDrop)
else()
  set(CPACK_GENERATOR DEB RPM TGZ)
endif()

# --- Debian -----------------------------------------------------------------------------------
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Qt loads its platform plugins (xcb, wayland, offscreen) at run time, where dpkg-shlibdeps
# cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
# The embedded server: the workbench runs the distribution's PostgreSQL from
# /usr/lib/postgresql/NN/bin (core/db/local_cluster.cpp). Recommended rather than required, so a
# DBA who only works against remote servers (and a shadow URL) can leave it out. Qt's own
# translations (standard buttons) follow the workbench's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql, qt6-translations-l10n")

# --- RPM ----------------------------------------------------------------------------------------
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "${PLUMBLINE_LICENSE}")
set(CPACK_RPM_PACKAGE_GROUP "Development/Tools")
set(CPACK_RPM_PACKAGE_URL "${PLUMBLINE_HOMEPAGE}")
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
set(CPACK_RPM_PACKAGE_AUTOPROV OFF)
# CPack 3.31 knows only Suggests among the weak dependencies; a Recommends line in the preamble is
# what rpmbuild reads. Fedora's server package puts initdb, pg_ctl and postgres on PATH.
set(CPACK_RPM_SPEC_MORE_DEFINE "Recommends: postgresql-server\nPackager: ${PLUMBLINE_CONTACT}")
set(CPACK_RPM_CHANGELOG_FILE "${PROJECT_BINARY_DIR}/packaging/rpm-changelog")
string(REGEX REPLACE "^([A-Za-z]+), ([0-9]+) ([A-Za-z]+) ([0-9]+).*$" "\\1 \\3 \\2 \\4"
       rpm_date "${PLUMBLINE_RELEASE_DATE_RFC2822}")
file(WRITE "${CPACK_RPM_CHANGELOG_FILE}"
     "* ${rpm_date} ${PLUMBLINE_CONTACT} - ${PROJECT_VERSION}-1\n"
     "- Plumbline ${PROJECT_VERSION}\n")
# Folders other packages own (the filesystem and icon theme packages).
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor
    /usr/share/doc /usr/share/man /usr/share/man/man1)
foreach(size 16x16 22x22 24x24 32x32 48x48 64x64 128x128 256x256 512x512 scalable)
  list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
       /usr/share/icons/hicolor/${size} /usr/share/icons/hicolor/${size}/apps)
endforeach()
# The Debian changelog is Debian's; the .rpm carries its own in the spec.
set(CPACK_RPM_USER_FILELIST "%exclude /usr/share/doc/plumbline/changelog.gz")

# --- Windows: WiX v4 ----------------------------------------------------------------------------
set(CPACK_WIX_VERSION 4)
set(CPACK_WIX_ARCHITECTURE x64)
# Fixed for the life of the product: it is how Windows knows a new MSI upgrades the old one.
set(CPACK_WIX_UPGRADE_GUID "133253DC-F857-434A-AEBF-3D032B0C5F54")
set(CPACK_WIX_PRODUCT_ICON "${PLUMBLINE_ICON_DIR}/plumbline.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "Plumbline")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PLUMBLINE_HOMEPAGE}")
set(CPACK_WIX_PROPERTY_ARPHELPLINK "${PLUMBLINE_BUGTRACKER}")

# --- macOS: a disk image with Plumbline.app and a link to /Applications ------------------------
set(CPACK_DMG_VOLUME_NAME "Plumbline ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)

include(CPack)
