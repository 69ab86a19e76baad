#pragma once

#include <span>
#include <string_view>

namespace plumb::transfer::pools {

// Made-up values for the name and address strategies: common given names and family names of
// several languages, street names and street kinds. A value is picked by a keyed hash, so the
// same input always gets the same pick.
std::span<const std::string_view> firstNames();
std::span<const std::string_view> lastNames();
std::span<const std::string_view> streetNames();
std::span<const std::string_view> streetKinds();

} // namespace plumb::transfer::pools
