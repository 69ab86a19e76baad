// A move's mapping file (plumb move --mapping, Confiture's form or Plumbline's) comes with a
// checkout: every input must give a mapping or a Config error; the file plumb writes for review
// (mappingYaml) must read back as the same mapping; checking it against catalogs without the
// tables must fail cleanly.
#include "core/transfer/move_mapping.h"
#include "tests/fuzz/fuzz_support.h"

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

// What a mapping means: the tables and, per target column, its source or expression.
QStringList meaning(const transfer::MoveMapping& mapping)
{
    QStringList out;
    for (const transfer::MappedTable& table : mapping.tables) {
        out << table.source.display() + u" -> "_s + table.target.display();
        for (const transfer::MappedColumn& column : table.columns)
            out << u"  "_s + column.target + u" = "_s +
                       (column.expression.isEmpty() ? column.source
                                                    : u"("_s + column.expression + u')');
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString path = fuzz::writeScratchFile(u"mapping.yaml"_s, fuzz::bytesOf(data, size));
    auto mapping = transfer::loadMoveMapping(path);
    if (!mapping) {
        PLUMB_FUZZ_CHECK(mapping.error().code == ErrorCode::Config, mapping.error().message);
        return 0;
    }
    const QString written = transfer::mappingYaml(*mapping);
    const QString again = fuzz::writeScratchFile(u"written.yaml"_s, written.toUtf8());
    auto reread = transfer::loadMoveMapping(again);
    PLUMB_FUZZ_CHECK(reread.has_value(),
                     written + u"\n"_s + (reread ? QString() : reread.error().message));
    PLUMB_FUZZ_CHECK(meaning(*reread) == meaning(*mapping), meaning(*mapping).join(u'\n') +
                                                                u"\nbecame\n"_s +
                                                                meaning(*reread).join(u'\n'));

    transfer::MoveMapping unchecked = *mapping;
    if (Status checked = transfer::checkMapping(unchecked, {}, {}); !checked)
        PLUMB_FUZZ_CHECK(!checked.error().message.isEmpty(), QString());
    return 0;
}
