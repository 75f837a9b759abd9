// A quick structural check of COLLADA text before Assimp parses it. Assimp 5.2's COLLADA
// reader trusts counts and indices: a data array without its count, an accessor reaching past
// its array, or an index far past every array makes it read out of bounds (a crash), and a
// stray character in an index list makes it allocate until memory runs out. Each of those is
// refused here with a message instead. This is no validator: it only rules out what crashes.
#include "core/numbers.h"
#include "model/assimp_convert.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>
#include <string>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace myomap::model::assimp {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

struct Tag {
    std::string_view name;
    std::string_view attributes;
    std::string_view content;  // text up to the next tag (start tags)
    std::size_t offset = 0;
    bool end = false;          // an end tag, </name>
    bool selfClosing = false;  // <name ... />
};

// Calls `visit` for each start and end tag; skips comments, CDATA and declarations. A truncated
// tag ends the walk (Assimp's XML parser reports it).
template <typename Visit>
Status forEachTag(std::string_view xml, Visit visit) {
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
        if (close == std::string_view::npos) return Ok{};
        if (rest.size() < 2 || rest[1] == '?' || rest[1] == '!') {
            pos = close + 1;
            continue;
        }
        Tag tag;
        tag.offset = pos;
        tag.end = rest[1] == '/';
        const std::size_t nameStart = pos + (tag.end ? 2 : 1);
        std::size_t nameEnd = nameStart;
        while (nameEnd < close && !isSpace(xml[nameEnd]) && xml[nameEnd] != '/') ++nameEnd;
        tag.name = xml.substr(nameStart, nameEnd - nameStart);
        tag.attributes = xml.substr(nameEnd, close - nameEnd);
        tag.selfClosing = xml[close - 1] == '/';
        if (!tag.end && !tag.selfClosing) {
            const std::size_t next = std::min(xml.find('<', close + 1), xml.size());
            tag.content = xml.substr(close + 1, next - close - 1);
        }
        if (auto s = visit(tag); !s) return s;
        pos = close + 1;
    }
    return Ok{};
}

// Calls `visit` for each start tag only.
template <typename Visit>
Status forEachStartTag(std::string_view xml, Visit visit) {
    return forEachTag(xml, [&](const Tag& tag) -> Status { return tag.end ? Status(Ok{}) : visit(tag); });
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
    return text ? parseNumber<unsigned long long>(*text) : std::nullopt;
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

// Assimp builds the node tree by following <instance_node> recursively, so a node that
// instances itself or one of its ancestors (directly, or through the node library) recurses
// until the stack overflows. Nodes are graph vertices; a node's edges go to its child nodes
// and the nodes it instances; a cycle is refused.
Status checkNodeInstances(std::string_view xml) {
    std::unordered_map<std::string, std::vector<std::string>> edges;
    std::vector<std::string> open;  // ids of the <node> elements around the current position
    std::size_t unnamed = 0;
    (void)forEachTag(xml, [&](const Tag& tag) -> Status {
        if (tag.end) {
            if (tag.name == "node" && !open.empty()) open.pop_back();
        } else if (tag.name == "node") {
            const auto id = attribute(tag.attributes, "id");
            std::string key = id && !id->empty() ? std::string(*id) : "\n" + std::to_string(unnamed++);
            if (!open.empty()) edges[open.back()].push_back(key);
            if (!tag.selfClosing) open.push_back(std::move(key));
        } else if (tag.name == "instance_node" && !open.empty()) {
            const auto url = attribute(tag.attributes, "url");
            if (url && !url->empty() && (*url)[0] == '#') edges[open.back()].push_back(reference(*url));
        }
        return Ok{};
    });
    // Iterative depth-first search; grey nodes are on the current path.
    enum : unsigned char { kWhite, kGrey, kBlack };
    std::unordered_map<std::string, unsigned char> colour;
    for (const auto& [start, unused] : edges) {
        if (colour[start] != kWhite) continue;
        std::vector<std::pair<std::string, std::size_t>> stack{{start, 0}};
        colour[start] = kGrey;
        while (!stack.empty()) {
            auto& [node, next] = stack.back();
            const auto found = edges.find(node);
            if (found == edges.end() || next >= found->second.size()) {
                colour[node] = kBlack;
                stack.pop_back();
                continue;
            }
            const std::string child = found->second[next++];
            const unsigned char c = colour[child];
            if (c == kGrey) {
                return fail("malformed COLLADA: node '" + child +
                            "' instances itself through <instance_node> (a cycle Assimp would follow forever)");
            }
            if (c == kWhite) {
                colour[child] = kGrey;
                stack.emplace_back(child, 0);
            }
        }
    }
    return Ok{};
}

}  // namespace

Status checkColladaText(std::string_view xml) {
    if (auto s = checkNodeInstances(xml); !s) return s;
    // First pass: every data array and its declared length, and the element count of each
    // <source> (its accessor's).
    std::unordered_map<std::string, unsigned long long> arrays, sources;
    std::unordered_map<std::string, std::string> positionSource;  // geometry id -> its POSITION source
    unsigned long long longest = 0;
    std::string currentSource, currentGeometry;
    auto s = forEachStartTag(xml, [&](const Tag& tag) -> Status {
        if (tag.name == "source") currentSource = std::string(attribute(tag.attributes, "id").value_or(""));
        if (tag.name == "geometry") currentGeometry = std::string(attribute(tag.attributes, "id").value_or(""));
        if (tag.name == "input" && attribute(tag.attributes, "semantic") == "POSITION" && !currentGeometry.empty()) {
            positionSource.emplace(currentGeometry, reference(attribute(tag.attributes, "source").value_or("")));
        }
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
    // A skin's <vertex_weights> needs an entry for every vertex of its mesh: Assimp looks
    // them up by the mesh's position index without a check.
    bool inWeights = false;
    std::optional<unsigned long long> joints, weights;
    std::string skinnedGeometry;
    return forEachStartTag(xml, [&](const Tag& tag) -> Status {
        if (tag.name == "skin") skinnedGeometry = reference(attribute(tag.attributes, "source").value_or(""));
        if (tag.name == "vertex_weights") {
            const auto count = number(attribute(tag.attributes, "count"));
            if (!count) return fail("malformed COLLADA: " + at(tag) + " has no valid count");
            const auto position = positionSource.find(skinnedGeometry);
            const auto vertices = position == positionSource.end() ? sources.end() : sources.find(position->second);
            if (vertices != sources.end() && *count < vertices->second) {
                return fail("malformed COLLADA: " + at(tag) + " has " + std::to_string(*count) + " entries for the " +
                            std::to_string(vertices->second) + " vertices of '" + skinnedGeometry + "'");
            }
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
            const auto parsed = parseNumber<unsigned long long>(text.substr(digits, end - digits));
            const unsigned long long value = parsed.value_or(0);
            const bool tooLarge = tag.name == "vcount" ? value > longest : value >= longest;
            if (!parsed || tooLarge) {
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

namespace {

// Models and the "OO" connections between objects, as the FBX file lists them.
struct FbxGraph {
    std::unordered_set<std::int64_t> models;
    std::unordered_set<std::int64_t> clusters;                 // Deformer objects of kind "Cluster"
    std::vector<std::pair<std::int64_t, std::int64_t>> links;  // child, parent
};

// The last quoted string of an object line, `Deformer: 401, "SubDeformer::", "Cluster" {`.
std::string_view lastQuoted(std::string_view line) {
    const std::size_t close = line.rfind('"');
    if (close == std::string_view::npos || close == 0) return {};
    const std::size_t open = line.rfind('"', close - 1);
    return open == std::string_view::npos ? std::string_view() : line.substr(open + 1, close - open - 1);
}

std::optional<std::int64_t> leadingInteger(std::string_view& text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == ',')) text.remove_prefix(1);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc()) return std::nullopt;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    return value;
}

// ASCII FBX: `Model: 200, "Model::Arm", "LimbNode" {` and `C: "OO",200,100`.
FbxGraph asciiFbxGraph(std::string_view text) {
    FbxGraph graph;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (line.rfind("Model:", 0) == 0) {
            line.remove_prefix(6);
            if (const auto id = leadingInteger(line)) graph.models.insert(*id);
        } else if (line.rfind("Deformer:", 0) == 0) {
            line.remove_prefix(9);
            const auto id = leadingInteger(line);
            if (id && lastQuoted(line) == "Cluster") graph.clusters.insert(*id);
        } else if (line.rfind("C:", 0) == 0) {
            line.remove_prefix(2);
            while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
            if (line.rfind("\"OO\"", 0) != 0) continue;
            line.remove_prefix(4);
            const auto child = leadingInteger(line);
            const auto parent = child ? leadingInteger(line) : std::nullopt;
            if (child && parent) graph.links.emplace_back(*child, *parent);
        }
    }
    return graph;
}

// Binary FBX: node records (end offset, property count, property bytes, name, properties,
// children). Only the children of the top-level Objects and Connections nodes are read; a
// record that does not fit ends the scan (Assimp reports the damage itself).
class BinaryFbx {
public:
    explicit BinaryFbx(std::string_view bytes) : m_bytes(bytes) {}

    FbxGraph graph() {
        FbxGraph graph;
        constexpr std::size_t kHeader = 27;  // magic (23 bytes) and version
        if (m_bytes.size() < kHeader) return graph;
        m_wide = read<std::uint32_t>(23).value_or(0) >= 7500;
        forEachNode(kHeader, m_bytes.size(), [&](std::string_view name, std::size_t, std::size_t, std::size_t children,
                                                 std::size_t end) {
            if (name == "Objects") {
                forEachNode(children, end, [&](std::string_view object, std::size_t props, std::size_t count, std::size_t,
                                               std::size_t) {
                    const auto id = count >= 1 ? integerProperty(props) : std::nullopt;
                    if (!id) return;
                    if (object == "Model") graph.models.insert(*id);
                    const std::size_t kind = props + 9 + 5 + read<std::uint32_t>(props + 10).value_or(0);
                    if (object == "Deformer" && count >= 3 && stringPropertyIs(kind, "Cluster")) graph.clusters.insert(*id);
                });
            } else if (name == "Connections") {
                forEachNode(children, end, [&](std::string_view c, std::size_t props, std::size_t count, std::size_t,
                                               std::size_t) {
                    if (c != "C" || count < 3 || !stringPropertyIs(props, "OO")) return;
                    const std::size_t second = props + 1 + 4 + 2;
                    const auto child = integerProperty(second);
                    const auto parent = integerProperty(second + 9);
                    if (child && parent) graph.links.emplace_back(*child, *parent);
                });
            }
        });
        return graph;
    }

private:
    template <typename T>
    std::optional<T> read(std::size_t at) const {
        if (at > m_bytes.size() || m_bytes.size() - at < sizeof(T)) return std::nullopt;
        T value;
        std::memcpy(&value, m_bytes.data() + at, sizeof(T));
        return value;
    }

    std::optional<std::int64_t> integerProperty(std::size_t at) const {
        if (read<char>(at) == 'L') return read<std::int64_t>(at + 1);
        if (read<char>(at) == 'I') return read<std::int32_t>(at + 1);
        return std::nullopt;
    }

    bool stringPropertyIs(std::size_t at, std::string_view text) const {
        const auto length = read<std::uint32_t>(at + 1);
        return read<char>(at) == 'S' && length == text.size() && at + 5 + text.size() <= m_bytes.size() &&
               m_bytes.substr(at + 5, text.size()) == text;
    }

    // visit(name, first property, property count, first child, end) for each record in
    // [begin, end), siblings only.
    template <typename Visit>
    void forEachNode(std::size_t begin, std::size_t end, Visit visit) const {
        const std::size_t field = m_wide ? 8 : 4;
        std::size_t at = begin;
        while (at < end) {
            auto number = [&](std::size_t k) -> std::optional<std::uint64_t> {
                if (m_wide) return read<std::uint64_t>(at + k * field);
                const auto v = read<std::uint32_t>(at + k * field);
                return v ? std::optional<std::uint64_t>(*v) : std::nullopt;
            };
            const auto next = number(0), count = number(1), propertyBytes = number(2);
            const auto nameLength = read<std::uint8_t>(at + 3 * field);
            if (!next || !count || !propertyBytes || !nameLength || *next == 0) return;  // a null record ends the list
            const std::size_t props = at + 3 * field + 1 + *nameLength;
            if (*next <= at || *next > end || props > *next || *propertyBytes > *next - props) return;
            visit(m_bytes.substr(at + 3 * field + 1, *nameLength), props, static_cast<std::size_t>(*count),
                  props + static_cast<std::size_t>(*propertyBytes), static_cast<std::size_t>(*next));
            at = static_cast<std::size_t>(*next);
        }
    }

    std::string_view m_bytes;
    bool m_wide = false;
};

}  // namespace

Status checkFbxHierarchy(std::string_view bytes) {
    constexpr std::string_view kBinary = "Kaydara FBX Binary";
    const FbxGraph graph = bytes.rfind(kBinary, 0) == 0 ? BinaryFbx(bytes).graph() : asciiFbxGraph(bytes);
    // Assimp 5.2 gives a bone one aiBone per mesh and adds it to the mesh once per cluster that
    // names it: two clusters of one skin on the same model free that aiBone twice.
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> clusterTargets, skinClusters;
    for (const auto& [child, parent] : graph.links) {
        if (graph.models.count(child) && graph.clusters.count(parent)) clusterTargets[parent].push_back(child);
        if (graph.clusters.count(child) && !graph.clusters.count(parent) && !graph.models.count(parent)) {
            skinClusters[parent].push_back(child);
        }
    }
    for (const auto& [skin, clusters] : skinClusters) {
        std::unordered_set<std::int64_t> bound;
        for (const std::int64_t cluster : clusters) {
            const auto targets = clusterTargets.find(cluster);
            if (targets == clusterTargets.end() || targets->second.empty()) continue;
            if (!bound.insert(targets->second.front()).second) {
                return fail("malformed FBX: skin " + std::to_string(skin) + " binds model " +
                            std::to_string(targets->second.front()) + " through two clusters");
            }
        }
    }
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> children;
    for (const auto& [child, parent] : graph.links) {
        if (graph.models.count(child) && graph.models.count(parent)) children[parent].push_back(child);
    }
    // Iterative depth-first search; grey models are on the current path.
    enum : unsigned char { kWhite, kGrey, kBlack };
    std::unordered_map<std::int64_t, unsigned char> colour;
    for (const auto& entry : children) {
        if (colour[entry.first] != kWhite) continue;
        std::vector<std::pair<std::int64_t, std::size_t>> stack{{entry.first, 0}};
        colour[entry.first] = kGrey;
        while (!stack.empty()) {
            const std::int64_t node = stack.back().first;
            const auto found = children.find(node);
            if (found == children.end() || stack.back().second >= found->second.size()) {
                colour[node] = kBlack;
                stack.pop_back();
                continue;
            }
            const std::int64_t child = found->second[stack.back().second++];
            const unsigned char c = colour[child];
            if (c == kGrey) {
                return fail("malformed FBX: model " + std::to_string(child) +
                            " is connected below itself (a cycle in the node hierarchy)");
            }
            if (c == kWhite) {
                colour[child] = kGrey;
                stack.emplace_back(child, 0);
            }
        }
    }
    return Ok{};
}

Status checkPlyHeader(std::string_view head) {
    // Assimp reads header lines until one starts with the token end_header; when none does, it
    // keeps asking for the next line past the end of the file.
    std::size_t start = 0;
    while (start < head.size()) {
        std::size_t end = head.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = head.size();
        std::string_view line = head.substr(start, end - start);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        constexpr std::string_view kEnd = "end_header";
        if (line.rfind(kEnd, 0) == 0 && (line.size() == kEnd.size() || isSpace(line[kEnd.size()]))) return Ok{};
        start = end + 1;
    }
    return fail("malformed PLY: the header has no end_header line (a truncated or damaged file)");
}

}  // namespace myomap::model::assimp
