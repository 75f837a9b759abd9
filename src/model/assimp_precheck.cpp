// A quick structural check of COLLADA text before Assimp parses it. Assimp 5.2's COLLADA
// reader trusts counts and indices: a data array without its count, an accessor reaching past
// its array, or an index far past every array makes it read out of bounds (a crash), and a
// stray character in an index list makes it allocate until memory runs out. Each of those is
// refused here with a message instead. This is no validator: it only rules out what crashes.
#include "model/assimp_convert.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>

namespace myomap::model::assimp {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

struct Tag {
    std::string_view name;
    std::string_view attributes;
    std::string_view content;  // text up to the next tag
    std::size_t offset = 0;
};

// Calls `visit` for each start tag; skips comments, CDATA, declarations and end tags.
template <typename Visit>
Status forEachStartTag(std::string_view xml, Visit visit) {
    std::size_t pos = 0;
    while ((pos = xml.find('<', pos)) != std::string_view::npos) {
        const std::string_view rest = xml.substr(pos);
        auto skipTo = [&](std::string_view end) {
            const std::size_t found = xml.find(end, pos);
            pos = found == std::string_view::npos ? xml.size() : found + end.size();
        };
        if (rest.rfind("<!--", 0) == 0) {
            skipTo("-->");
            continue;
        }
        if (rest.rfind("<![CDATA[", 0) == 0) {
            skipTo("]]>");
            continue;
        }
        const std::size_t close = xml.find('>', pos);
        if (close == std::string_view::npos) return Ok{};  // truncated: Assimp's XML parser reports it
        if (rest.size() < 2 || rest[1] == '/' || rest[1] == '?' || rest[1] == '!') {
            pos = close + 1;
            continue;
        }
        Tag tag;
        tag.offset = pos;
        std::size_t nameEnd = pos + 1;
        while (nameEnd < close && !isSpace(xml[nameEnd]) && xml[nameEnd] != '/') ++nameEnd;
        tag.name = xml.substr(pos + 1, nameEnd - pos - 1);
        tag.attributes = xml.substr(nameEnd, close - nameEnd);
        if (xml[close - 1] != '/') {
            const std::size_t next = std::min(xml.find('<', close + 1), xml.size());
            tag.content = xml.substr(close + 1, next - close - 1);
        }
        if (auto s = visit(tag); !s) return s;
        pos = close + 1;
    }
    return Ok{};
}

std::optional<std::string_view> attribute(std::string_view attributes, std::string_view name) {
    std::size_t pos = 0;
    while ((pos = attributes.find(name, pos)) != std::string_view::npos) {
        const bool boundary = pos == 0 || isSpace(attributes[pos - 1]);
        std::size_t i = pos + name.size();
        pos = i;
        while (i < attributes.size() && isSpace(attributes[i])) ++i;
        if (!boundary || i >= attributes.size() || attributes[i] != '=') continue;
        ++i;
        while (i < attributes.size() && isSpace(attributes[i])) ++i;
        if (i >= attributes.size() || (attributes[i] != '"' && attributes[i] != '\'')) return std::nullopt;
        const std::size_t end = attributes.find(attributes[i], i + 1);
        if (end == std::string_view::npos) return std::nullopt;
        return attributes.substr(i + 1, end - i - 1);
    }
    return std::nullopt;
}

std::optional<unsigned long long> number(std::optional<std::string_view> text) {
    if (!text || text->empty()) return std::nullopt;
    unsigned long long value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size()) return std::nullopt;
    return value;
}

bool isArray(std::string_view name) {
    return name == "float_array" || name == "int_array" || name == "Name_array" || name == "IDREF_array" ||
           name == "bool_array" || name == "SIDREF_array" || name == "token_array";
}

bool isIndexList(std::string_view name) { return name == "p" || name == "v" || name == "vcount" || name == "h"; }

std::string at(const Tag& tag) { return "<" + std::string(tag.name) + "> at byte " + std::to_string(tag.offset); }

std::string reference(std::string_view source) {
    return std::string(source.substr(!source.empty() && source[0] == '#' ? 1 : 0));
}

}  // namespace

Status checkColladaText(std::string_view xml) {
    // First pass: every data array and its declared length, and the element count of each
    // <source> (its accessor's).
    std::unordered_map<std::string, unsigned long long> arrays, sources;
    unsigned long long longest = 0;
    std::string currentSource;
    auto s = forEachStartTag(xml, [&](const Tag& tag) -> Status {
        if (tag.name == "source") currentSource = std::string(attribute(tag.attributes, "id").value_or(""));
        if (tag.name == "accessor" && !currentSource.empty()) {
            if (const auto count = number(attribute(tag.attributes, "count"))) sources.emplace(currentSource, *count);
        }
        if (!isArray(tag.name)) return Ok{};
        const auto count = number(attribute(tag.attributes, "count"));
        if (!count) return fail("malformed COLLADA: " + at(tag) + " has no valid count");
        if (const auto id = attribute(tag.attributes, "id")) arrays[std::string(*id)] = *count;
        longest = std::max(longest, *count);
        return Ok{};
    });
    if (!s) return s;
    // Second pass: accessors stay inside their arrays, index lists hold only integers that could
    // index something, and skin weights name joints and weights that exist (Assimp reads <v> as
    // joint, weight pairs and indexes its bone list with the first unchecked).
    bool inWeights = false;
    std::optional<unsigned long long> joints, weights;
    return forEachStartTag(xml, [&](const Tag& tag) -> Status {
        if (tag.name == "vertex_weights") {
            if (!number(attribute(tag.attributes, "count")))
                return fail("malformed COLLADA: " + at(tag) + " has no valid count");
            inWeights = true;
            joints.reset();
            weights.reset();
            return Ok{};
        }
        if (tag.name == "input" && inWeights) {
            const auto semantic = attribute(tag.attributes, "semantic");
            const auto found = sources.find(reference(attribute(tag.attributes, "source").value_or("")));
            if (semantic && found != sources.end() && *semantic == "JOINT") joints = found->second;
            if (semantic && found != sources.end() && *semantic == "WEIGHT") weights = found->second;
            return Ok{};
        }
        if (tag.name == "accessor") {
            const auto source = attribute(tag.attributes, "source");
            const auto count = number(attribute(tag.attributes, "count"));
            const auto stride =
                attribute(tag.attributes, "stride") ? number(attribute(tag.attributes, "stride")) : 1ull;
            const auto offset =
                attribute(tag.attributes, "offset") ? number(attribute(tag.attributes, "offset")) : 0ull;
            if (!source || !count || !stride || !offset || *stride == 0) {
                return fail("malformed COLLADA: " + at(tag) + " needs a source, a count and a positive stride");
            }
            const std::string id = reference(*source);
            const auto array = arrays.find(id);
            if (array == arrays.end() || *count == 0) return Ok{};
            // The last element starts at offset + (count - 1) * stride, written so it cannot overflow.
            const unsigned long long n = array->second;
            if (*offset >= n || (*count - 1) > (n - 1 - *offset) / *stride) {
                return fail("malformed COLLADA: " + at(tag) + " reads past the end of '" + id + "'");
            }
            return Ok{};
        }
        if (!isIndexList(tag.name)) return Ok{};
        const bool skinPairs = tag.name == "v" && inWeights;
        if (tag.name == "v") inWeights = false;
        const std::string_view text = tag.content;
        std::size_t i = 0, position = 0;
        while (i < text.size()) {
            if (isSpace(text[i])) {
                ++i;
                continue;
            }
            std::size_t end = i;
            if (tag.name == "p" && (text[end] == '-' || text[end] == '+')) ++end;  // the others are read unsigned
            const std::size_t digits = end;
            while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
            if (end == digits || (end < text.size() && !isSpace(text[end]))) {
                return fail("malformed COLLADA: " + at(tag) + " holds something other than plain integers");
            }
            unsigned long long value = 0;
            const auto [stop, error] = std::from_chars(text.data() + digits, text.data() + end, value);
            const bool tooLarge = tag.name == "vcount" ? value > longest : value >= longest;
            if (error != std::errc() || stop != text.data() + end || tooLarge) {
                return fail("malformed COLLADA: " + at(tag) + " holds " + std::string(text.substr(i, end - i)) +
                            ", more than any data array in the file has values");
            }
            const auto& limit = position++ % 2 == 0 ? joints : weights;
            if (skinPairs && limit && value >= *limit) {
                return fail("malformed COLLADA: " + at(tag) + " names joint or weight " + std::to_string(value) +
                            " of " + std::to_string(*limit));
            }
            i = end;
        }
        return Ok{};
    });
}

}  // namespace myomap::model::assimp
