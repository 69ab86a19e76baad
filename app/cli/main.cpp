#include "cli.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("plumb"));
    QCoreApplication::setOrganizationName(QStringLiteral("Plumbline"));
    return plumb::cli::runCommandLine(QCoreApplication::arguments());
}
