#include "copy_endpoint.h"

using namespace Qt::StringLiterals;

namespace plumb::transfer {

Result<workflow::Target> resolveCopySide(const QString& text, const project::Project* project,
                                         const QProcessEnvironment& variables)
{
    workflow::ResolveOptions options;
    options.variables = variables;
    options.variables.remove(u"PLUMB_DATABASE_URL"_s);
    options.variables.remove(u"DATABASE_URL"_s);
    if (text.trimmed().isEmpty())
        return fail(ErrorCode::Config, u"name an environment or give a database URL"_s);
    if (text.contains(u"://") || text.contains(u'='))
        return workflow::resolveTypedUrl(text, project, options);
    if (!project)
        return fail(ErrorCode::Config,
                    u"'%1' is not a URL, and there is no project to find an environment of that "
                    u"name in: pass a postgresql:// URL, or run in (or pass --project) a project "
                    u"folder"_s.arg(text));
    if (!project->environmentNames().contains(text))
        return fail(ErrorCode::Config, u"the project has no environment '%1' (it has: %2)"_s.arg(
                                           text, project->environmentNames().join(u", "_s)));
    auto environment = project->environment(text, variables);
    if (!environment)
        return std::unexpected(environment.error());
    return workflow::resolveTarget(&**environment, options);
}

} // namespace plumb::transfer
