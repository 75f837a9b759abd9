// The closed vocabularies of the atlas content (docs/CONTENT.md): the figure's muscle ids, the
// allowed words for region, layer, direction and technique, and the landmark ids zones may use.
#pragma once

#include "core/result.h"

#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace myomap::anatomy {

// The 93 muscles of the figure; mesh names are these ids with `.L` / `.R`. Must agree with
// assets/body/muscles.csv, which the figure generator reads.
// clang-format off
inline constexpr std::array<std::string_view, 93> kMuscleIds{
    "abductor_hallucis", "adductor_longus", "adductor_magnus", "adductor_pollicis", "anconeus", "biceps_brachii",
    "biceps_femoris", "brachialis", "brachioradialis", "coccygeus", "coracobrachialis", "deltoid", "diaphragm",
    "digastric", "erector_spinae", "extensor_carpi_radialis_brevis", "extensor_carpi_radialis_longus",
    "extensor_carpi_ulnaris", "extensor_digitorum", "extensor_digitorum_longus", "extensor_hallucis_longus",
    "extensor_indicis", "external_oblique", "fibularis_longus", "first_dorsal_interosseous_hand",
    "flexor_carpi_radialis", "flexor_carpi_ulnaris", "flexor_digitorum_longus", "flexor_digitorum_superficialis",
    "flexor_hallucis_longus", "gastrocnemius", "gluteus_maximus", "gluteus_medius", "gluteus_minimus", "gracilis",
    "iliopsoas", "infraspinatus", "intercostals", "internal_oblique", "lateral_pterygoid", "latissimus_dorsi",
    "levator_ani", "levator_scapulae", "lower_trapezius", "masseter", "medial_pterygoid", "middle_trapezius",
    "multifidus", "obturator_internus", "occipitofrontalis", "pectineus", "pectoralis_major", "pectoralis_minor",
    "piriformis", "popliteus", "pronator_teres", "quadratus_lumborum", "quadratus_plantae", "rectus_abdominis",
    "rectus_femoris", "rhomboid_major", "rhomboid_minor", "sartorius", "scalenes", "semimembranosus",
    "semispinalis_capitis", "semispinalis_cervicis", "semitendinosus", "serratus_anterior",
    "serratus_posterior_inferior", "serratus_posterior_superior", "soleus", "splenius_capitis", "splenius_cervicis",
    "sternalis", "sternocleidomastoid", "subclavius", "suboccipitals", "subscapularis", "supinator",
    "supraspinatus", "temporalis", "tensor_fasciae_latae", "teres_major", "teres_minor", "tibialis_anterior",
    "tibialis_posterior", "transversus_abdominis", "triceps_brachii", "upper_trapezius", "vastus_intermedius",
    "vastus_lateralis", "vastus_medialis"};

// Where a muscle sits: groups the muscle list (not the skin regions of regions.h).
inline constexpr std::array<std::string_view, 14> kMuscleRegions{
    "head", "neck", "shoulder", "upper_back", "chest", "arm", "forearm", "hand", "abdomen", "lower_back", "hip",
    "thigh", "leg", "foot"};

inline constexpr std::array<std::string_view, 3> kLayers{"superficial", "intermediate", "deep"};

inline constexpr std::array<std::string_view, 6> kDirections{
    "superior", "inferior", "medial", "lateral", "anterior", "posterior"};

inline constexpr std::array<std::string_view, 8> kTherapistTechniques{
    "digital_compression", "ischemic_compression", "stripping", "myofascial_release", "stretch",
    "spray_and_stretch", "post_isometric_relaxation", "muscle_energy"};

inline constexpr std::array<std::string_view, 8> kSelfCareTechniques{
    "ball_compression", "stretch", "heat", "ergonomics", "posture", "movement", "breathing", "activity_change"};
// clang-format on

bool isMuscleId(std::string_view id);

// The bony landmarks referral zones may be anchored to, with whether each lies on the midline.
struct Landmarks {
    std::map<std::string, bool, std::less<>> midline;
    // Where the list came from, for messages: the CSV's path or "docs/CONTENT.md".
    std::string origin;

    bool contains(std::string_view id) const { return midline.find(id) != midline.end(); }
    std::optional<bool> isMidline(std::string_view id) const;
};

// The list docs/CONTENT.md gives, used when the figure's landmark table is not at hand.
Landmarks documentedLandmarks();

// Reads assets/body/landmarks.csv: columns id,side,... ('mid' marks a midline landmark), lines
// starting with '#' are comments, the first other line is the header.
Result<Landmarks> readLandmarksCsv(const std::filesystem::path& csv);

}  // namespace myomap::anatomy
