// The therapist's client-facing view: the muscle panel's text in the large face while it is at
// the client's reading level, the normal face at the student's level or outside therapist mode.
#include "anatomy/atlas.h"
#include "ui/fonts.h"
#include "ui/muscle_panel.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <filesystem>

using namespace myomap;

namespace {

struct PanelScreen {
    anatomy::Atlas atlas = anatomy::loadAtlas(std::filesystem::path(MYOMAP_SOURCE_DIR) / "assets" / "atlas");
    ui::FontChoice font;

    PanelScreen() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1600.0f, 1000.0f);
        io.DeltaTime = 1.0f / 30.0f;
        font = ui::loadUiFont(1.0f, 1080);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the font atlas; nothing is drawn
    }
    ~PanelScreen() { ImGui::DestroyContext(); }

    // The height of the first text line the panel draws (the muscle's name is scaled on top of
    // the face, so this measures the summary below it) and of everything it drew, in pixels.
    struct Drawn {
        float fontSize = 0.0f, contentHeight = 0.0f;
    };
    Drawn draw(ui::MusclePanelState& state) {
        Drawn drawn;
        std::vector<ui::PanelAction> actions;
        for (int frame = 0; frame < 2; ++frame) {  // the second frame has the sizes settled
            ImGui::NewFrame();
            ImGui::SetNextWindowSize(ImVec2(500.0f, 900.0f));
            ImGui::Begin("panel");
            const float top = ImGui::GetCursorPosY();
            ui::drawMuscleDetails(atlas, state, actions);
            drawn.contentHeight = ImGui::GetCursorPosY() - top;
            drawn.fontSize = ImGui::GetFontSize();  // back to the window's face after the panel
            ImGui::End();
            ImGui::Render();
        }
        return drawn;
    }
};

}  // namespace

TEST_CASE("large type: the client-level muscle panel uses a face 1.3 times larger, and only then") {
    PanelScreen screen;
    if (screen.font.path.empty()) {
        MESSAGE("skipped: no TTF font installed (fonts-dejavu-core), so only the built-in font exists");
        CHECK(ui::largeUiFont() == nullptr);
        return;
    }
    ImFont* large = ui::largeUiFont();
    REQUIRE(large != nullptr);
    const float normal = ImGui::GetIO().Fonts->Fonts[0]->FontSize;
    CHECK(large->FontSize == doctest::Approx(normal * ui::kLargeTypeScale).epsilon(0.05));

    ui::MusclePanelState state;
    state.muscleId = "upper_trapezius";
    state.level = ui::ReadingLevel::Client;
    state.expandAll = true;  // every section open, so the whole text is measured
    const float plain = screen.draw(state).contentHeight;

    state.largeType = true;
    state.expandAll = true;
    const PanelScreen::Drawn client = screen.draw(state);
    // The same words in a face 1.3 times larger in the same width: taller by more than the face.
    CHECK(client.contentHeight > plain * 1.3f);
    CHECK(client.fontSize == doctest::Approx(normal));  // the panel pops its face again

    state.level = ui::ReadingLevel::Student;  // the therapist switches to the anatomical text
    state.expandAll = true;
    const float studentLarge = screen.draw(state).contentHeight;
    state.largeType = false;
    state.expandAll = true;
    const float student = screen.draw(state).contentHeight;
    CHECK(studentLarge == doctest::Approx(student));
}

TEST_CASE("large type: without the large face (fonts loaded elsewhere) the panel keeps the normal one") {
    ImGui::CreateContext();
    ImGui::GetIO().Fonts->AddFontDefault();
    CHECK(ui::largeUiFont() == nullptr);
    ImGui::DestroyContext();
    CHECK(ui::largeUiFont() == nullptr);  // no context at all
}
