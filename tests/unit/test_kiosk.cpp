// The kiosk's state machine, with time as a parameter: the tour steps on its own, a visitor
// takes over, going quiet returns to the tour, and only the chord plus the right PIN lets
// anyone out.
#include "app/kiosk.h"

#include <doctest/doctest.h>

using namespace myomap::app;

namespace {

KioskController makeKiosk() {
    std::vector<KioskStep> tour{{"upper_trapezius.R", "upper_trapezius.tp1.R", myomap::View::Posterior, "a"},
                                {"gluteus_minimus.R", "gluteus_minimus.tp1.R", myomap::View::Right, "b"},
                                {"infraspinatus.R", "infraspinatus.tp1.R", myomap::View::Anterior, "c"}};
    return KioskController(std::move(tour), {60.0, 10.0, 20.0}, "2468");
}

}  // namespace

TEST_CASE("kiosk: the tour steps every step length and wraps around") {
    KioskController k = makeKiosk();
    CHECK(k.touring());
    CHECK(k.stepPending());
    k.stepShown();
    k.update(9.9);
    CHECK(k.stepIndex() == 0);
    CHECK_FALSE(k.stepPending());
    k.update(10.0);
    CHECK(k.stepIndex() == 1);
    CHECK(k.stepPending());
    k.stepShown();
    k.update(20.0);
    k.update(30.0);
    CHECK(k.stepIndex() == 0);  // three steps, then round again
}

TEST_CASE("kiosk: a visitor holds the tour, going quiet for the idle timeout resumes it") {
    KioskController k = makeKiosk();
    k.stepShown();
    k.visitorInput(5.0);
    CHECK(k.phase() == KioskPhase::Visitor);
    for (double t = 5.0; t < 200.0; t += 30.0) {  // keeps touching: never back to the tour
        k.visitorInput(t);
        k.update(t + 1.0);
        CHECK(k.phase() == KioskPhase::Visitor);
    }
    k.update(185.0 + 59.0);  // the last touch was at 185 s
    CHECK(k.phase() == KioskPhase::Visitor);
    k.update(185.0 + 60.0);
    CHECK(k.phase() == KioskPhase::Attract);
    CHECK(k.stepPending());  // the app must clear what the visitor did and show the step
}

TEST_CASE("kiosk: the exit chord alone never exits, a wrong PIN closes the pad, the right one exits") {
    KioskController k = makeKiosk();
    k.exitChord(1.0);
    CHECK(k.phase() == KioskPhase::PinEntry);
    CHECK_FALSE(k.submitPin("1234", 2.0));
    CHECK(k.phase() == KioskPhase::Visitor);
    CHECK(k.wrongPins() == 1);
    CHECK_FALSE(k.submitPin("2468", 3.0));  // the pad is closed: typing the PIN now does nothing
    k.exitChord(4.0);
    CHECK(k.submitPin("2468", 5.0));
}

TEST_CASE("kiosk: an unattended PIN pad closes by itself, and an empty PIN never opens the door") {
    KioskController k = makeKiosk();
    k.exitChord(1.0);
    k.update(20.9);
    CHECK(k.phase() == KioskPhase::PinEntry);
    k.update(21.0);
    CHECK(k.phase() == KioskPhase::Visitor);
    KioskController open({}, {}, "");
    open.exitChord(0.0);
    CHECK_FALSE(open.submitPin("", 1.0));
    open.update(100.0);  // no tour: nothing to step, nothing breaks
    CHECK(open.step() == nullptr);
}
