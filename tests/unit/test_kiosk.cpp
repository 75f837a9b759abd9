// The kiosk's state machine, with time as a parameter: the tour steps on its own, a visitor
// takes over, going quiet returns to the tour, and only the chord plus the right PIN lets
// anyone out.
#include "modes/kiosk/kiosk_controller.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

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

TEST_CASE("kiosk: repeated wrong PINs lock the pad for longer and longer, the right one then still works") {
    KioskController k = makeKiosk();
    double t = 0.0;
    const auto tryPin = [&](const std::string& pin) {
        k.exitChord(t);
        const bool out = k.submitPin(pin, t + 1.0);
        t += 2.0;
        return out;
    };
    for (int i = 0; i < kFreePinTries - 1; ++i) CHECK_FALSE(tryPin("0000"));
    CHECK(k.pinLockRemaining(t) == 0.0);  // a mistype or two costs nothing
    CHECK_FALSE(tryPin("1111"));           // the third miss locks the pad
    CHECK(k.pinLockRemaining(t) == doctest::Approx(kPinLockSeconds - 1.0));
    // While locked even the right PIN is not compared, and it is not counted as a try.
    CHECK_FALSE(tryPin("2468"));
    CHECK(k.wrongPins() == kFreePinTries);
    CHECK(k.phase() == KioskPhase::Visitor);
    // Each further miss doubles the wait, up to the cap.
    double expected = kPinLockSeconds;
    for (int miss = 0; miss < 8; ++miss) {
        t += k.pinLockRemaining(t);
        CHECK_FALSE(tryPin("9999"));
        expected = std::min(expected * 2.0, kMaxPinLockSeconds);
        CHECK(k.pinLockRemaining(t - 1.0) == doctest::Approx(expected));
    }
    CHECK(k.pinLockRemaining(t) > 0.0);
    t += kMaxPinLockSeconds;
    CHECK(k.pinLockRemaining(t) == 0.0);
    CHECK(tryPin("2468"));  // after the wait the right PIN opens the door
    CHECK(k.wrongPins() == 0);
}

TEST_CASE("kiosk: brute force through the PIN pad gets through only a handful of PINs an hour") {
    // A visitor who has found the chord tries PINs as fast as the pad allows, for an hour.
    KioskController k = makeKiosk();
    int tries = 0;
    bool out = false;
    for (double t = 0.0; t < 3600.0 && !out; t += 0.5) {
        if (k.pinLockRemaining(t) > 0.0) continue;
        k.exitChord(t);
        out = k.submitPin(std::to_string(1000 + tries), t + 0.25);  // 1000, 1001, ...: never 2468 in time
        ++tries;
    }
    CHECK_FALSE(out);
    MESSAGE(tries << " PINs tried in an hour of kiosk time");
    CHECK(tries < 20);  // of 10,000 4-digit PINs: a month to try them all
}

TEST_CASE("kiosk: odd PIN input is refused - empty, too long, non-digits, the PIN with extra characters") {
    KioskController k = makeKiosk();
    double t = 0.0;
    const std::vector<std::string> odd{"", "24680", "2468\n", " 2468", "\xef\xbc\x92\xef\xbc\x94\xef\xbc\x96\xef\xbc\x98",
                                       std::string(1 << 20, '2'), std::string("2468\0", 5)};
    for (const std::string& pin : odd) {
        t += kMaxPinLockSeconds + 1.0;  // past any lock, so each one is really compared
        k.exitChord(t);
        CHECK_FALSE(k.submitPin(pin, t + 0.1));
    }
    t += kMaxPinLockSeconds + 1.0;
    k.exitChord(t);
    CHECK(k.submitPin("2468", t + 0.1));
}
