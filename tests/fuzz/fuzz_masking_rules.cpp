// A masking rules file (db/sync/anonymization.yaml, a Confiture profile, or Plumbline's own form
// as the Copy dialog's editor writes it) comes with a checkout: every input must give rules or a
// Config error, the rules the editor writes must read back the same, and each rule must make its
// transform (or refuse with a Config error) for the column types a copy meets, and the transform
// must take any value.
#include "core/transfer/copy_engine.h"
#include "core/transfer/masking_key.h"
#include "core/transfer/masking_rules.h"
#include "core/transfer/masking_strategies.h"
#include "tests/fuzz/fuzz_support.h"

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

const QProcessEnvironment& variables()
{
    static const QProcessEnvironment environment = [] {
        QProcessEnvironment e;
        e.insert(u"SEED_FOR_FUZZ"_s, u"99"_s);
        e.insert(u"EMPTY"_s, QString());
        return e;
    }();
    return environment;
}

const transfer::MaskingKey& key()
{
    static const transfer::MaskingKey made =
        *transfer::MaskingKey::fromSecret("fuzzing-secret-of-32-bytes-long!");
    return made;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    auto rules =
        transfer::parseMaskingRules(fuzz::bytesOf(data, size), u"fuzz.yaml"_s, variables());
    if (!rules) {
        PLUMB_FUZZ_CHECK(rules.error().code == ErrorCode::Config, rules.error().message);
        return 0;
    }
    // What the editor writes reads back the same.
    const QString written = transfer::writeMaskingRules(rules->rules, rules->allowUnmasked);
    auto again = transfer::parseMaskingRules(written.toUtf8(), u"written.yaml"_s, variables());
    PLUMB_FUZZ_CHECK(again.has_value(),
                     written + u"\n"_s + (again ? QString() : again.error().message));
    PLUMB_FUZZ_CHECK(again->rules.size() == rules->rules.size(), written);
    for (const transfer::MaskingRule& rule : rules->rules) {
        const transfer::MaskingRule* back = again->rule(rule.table, rule.column);
        PLUMB_FUZZ_CHECK(back && back->sameTransform(rule), written);
        (void)rule.describe();
    }

    int made = 0;
    for (const transfer::MaskingRule& rule : rules->rules) {
        if (++made > 16) // bound the time per input
            break;
        for (const char* type : {"text", "character varying(12)", "bigint", "smallint", "uuid",
                                 "inet", "date", "timestamp with time zone"}) {
            const transfer::ColumnType columnType =
                transfer::classifyType(QString::fromLatin1(type));
            (void)transfer::injectivity(rule, columnType);
            auto transform = transfer::makeTransform(rule, columnType, &key());
            if (!transform) {
                PLUMB_FUZZ_CHECK(transform.error().code == ErrorCode::Config,
                                 transform.error().message);
                continue;
            }
            if (!*transform)
                continue; // keep: nothing to do
            const std::unique_ptr<transfer::ValueTransform> copy = (*transform)->clone();
            for (const std::string& value :
                 {std::string(), std::string("a@b.c"), std::string("+1 555 0100"),
                  std::string("2024-02-29"), std::string("10.0.0.1"), std::string("-32768"),
                  std::string("\xff\xfe"),
                  std::string(reinterpret_cast<const char*>(data), std::min<size_t>(size, 64))}) {
                std::string v = value;
                bool isNull = false;
                copy->apply(v, isNull);
            }
        }
    }
    return 0;
}
