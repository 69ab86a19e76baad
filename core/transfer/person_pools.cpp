#include "person_pools.h"

#include <array>

namespace plumb::transfer::pools {

namespace {

using namespace std::string_view_literals;

constexpr std::array first = {
    "Ada"sv,     "Alan"sv,   "Alice"sv, "Amelie"sv, "Anna"sv,  "Arjun"sv,  "Aya"sv,    "Bruno"sv,
    "Camille"sv, "Carlos"sv, "Chloe"sv, "Daniel"sv, "Diego"sv, "Elena"sv,  "Elif"sv,   "Emma"sv,
    "Erik"sv,    "Fatima"sv, "Felix"sv, "Grace"sv,  "Hana"sv,  "Hugo"sv,   "Ines"sv,   "Ivan"sv,
    "Jakob"sv,   "Jana"sv,   "Jonas"sv, "Julia"sv,  "Kenji"sv, "Lara"sv,   "Leon"sv,   "Lina"sv,
    "Lucas"sv,   "Luisa"sv,  "Marco"sv, "Maria"sv,  "Mateo"sv, "Maya"sv,   "Mila"sv,   "Nadia"sv,
    "Noah"sv,    "Nora"sv,   "Olga"sv,  "Omar"sv,   "Paul"sv,  "Priya"sv,  "Rafael"sv, "Rosa"sv,
    "Samuel"sv,  "Sara"sv,   "Sofia"sv, "Tariq"sv,  "Theo"sv,  "Tomas"sv,  "Uma"sv,    "Victor"sv,
    "Wei"sv,     "Yara"sv,   "Yusuf"sv, "Zoe"sv,    "Lotte"sv, "Mikael"sv, "Ingrid"sv, "Pierre"sv,
};

constexpr std::array last = {
    "Adams"sv,   "Bauer"sv,    "Becker"sv,  "Bernard"sv, "Brown"sv,  "Castro"sv,    "Costa"sv,
    "Dubois"sv,  "Eriksson"sv, "Fischer"sv, "Garcia"sv,  "Gomez"sv,  "Hansen"sv,    "Hoffmann"sv,
    "Ito"sv,     "Jansen"sv,   "Johnson"sv, "Kaya"sv,    "Keller"sv, "Kim"sv,       "Kowalski"sv,
    "Lambert"sv, "Larsen"sv,   "Laurent"sv, "Lopez"sv,   "Martin"sv, "Meyer"sv,     "Moreau"sv,
    "Muller"sv,  "Nakamura"sv, "Nguyen"sv,  "Novak"sv,   "Okafor"sv, "Olsen"sv,     "Patel"sv,
    "Perez"sv,   "Petit"sv,    "Richter"sv, "Rossi"sv,   "Roux"sv,   "Santos"sv,    "Schmidt"sv,
    "Schulz"sv,  "Silva"sv,    "Smith"sv,   "Suzuki"sv,  "Tanaka"sv, "Taylor"sv,    "Thomas"sv,
    "Vogel"sv,   "Wagner"sv,   "Walker"sv,  "Weber"sv,   "Wilson"sv, "Wolf"sv,      "Yilmaz"sv,
    "Zhang"sv,   "Ferrari"sv,  "Romano"sv,  "Haddad"sv,  "Mensah"sv, "Lindqvist"sv, "Horvat"sv,
    "Dupont"sv,
};

constexpr std::array streets = {
    "Acacia"sv,  "Alder"sv,  "Aspen"sv,    "Beech"sv,    "Birch"sv,   "Cedar"sv,    "Chestnut"sv,
    "Cherry"sv,  "Elm"sv,    "Fir"sv,      "Hawthorn"sv, "Hazel"sv,   "Hickory"sv,  "Holly"sv,
    "Juniper"sv, "Larch"sv,  "Laurel"sv,   "Lilac"sv,    "Linden"sv,  "Magnolia"sv, "Maple"sv,
    "Myrtle"sv,  "Oak"sv,    "Olive"sv,    "Orchard"sv,  "Pine"sv,    "Poplar"sv,   "Rowan"sv,
    "Sequoia"sv, "Spruce"sv, "Sycamore"sv, "Willow"sv,   "Meadow"sv,  "River"sv,    "Lake"sv,
    "Hill"sv,    "Mill"sv,   "Bridge"sv,   "Church"sv,   "Station"sv, "Garden"sv,   "Harbor"sv,
    "Park"sv,    "Spring"sv, "Valley"sv,   "Forest"sv,   "Sunset"sv,  "Highland"sv,
};

constexpr std::array kinds = {
    "Street"sv, "Road"sv, "Avenue"sv, "Lane"sv, "Way"sv, "Place"sv, "Court"sv, "Drive"sv,
};

} // namespace

std::span<const std::string_view> firstNames()
{
    return first;
}
std::span<const std::string_view> lastNames()
{
    return last;
}
std::span<const std::string_view> streetNames()
{
    return streets;
}
std::span<const std::string_view> streetKinds()
{
    return kinds;
}

} // namespace plumb::transfer::pools
