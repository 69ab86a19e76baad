#pragma once

#include "core/error.h"
#include "core/transfer/masking_key.h"

#include <QString>
#include <optional>

namespace plumb::cli {

// Where the masking key comes from, for `plumb copy`: PLUMB_MASKING_KEY, else the system keychain
// (service "Plumbline", key "masking-key", where the workbench's Copy dialog stores the one it
// generates). nullopt when neither has one; an error when the one found is unusable.
// `source` says which it was ("PLUMB_MASKING_KEY", "the keychain").
Result<std::optional<transfer::MaskingKey>> findMaskingKey(QString* source);

} // namespace plumb::cli
