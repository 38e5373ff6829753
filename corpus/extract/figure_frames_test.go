package extract

import "testing"

// figureFrameTests are the verb and noun frames of casualty reporting
// beyond "N people were killed": executions, lives, bodies, displacement
// from homes, people found dead. Each rule is written in several ways.
var figureFrameTests = []figureTest{
	// "put to death": passive, active, with a source after.
	{"About 125 civilians were put to death by government security forces, a war monitor reported on Friday.",
		[]wantFigure{{count: 125, qualifier: "about", who: "civilians", what: "executed", reported: "2025-03-07"}}},
	{"Gunmen put at least 40 men to death in the village square.",
		[]wantFigure{{count: 40, qualifier: "at least", who: "men", what: "executed"}}},
	{"Dozens of prisoners have been put to death since January, the group said.",
		[]wantFigure{{count: 24, who: "prisoners", what: "executed"}}},
	// Other "to death" verbs kill; a sentence to death is no death.
	{"At least 12 villagers were beaten to death by the mob.",
		[]wantFigure{{count: 12, qualifier: "at least", who: "villagers", what: "killed"}}},
	{"The militia burned 30 people to death inside the mosque.",
		[]wantFigure{{count: 30, who: "people", what: "killed"}}},
	// Lives cost, claimed, taken, lost.
	{"The violence that erupted in western Syria in March cost 1,426 lives, the majority of them civilians.",
		[]wantFigure{{count: 1426, what: "killed"}}},
	{"The floods have claimed more than 4,000 lives, officials said.",
		[]wantFigure{{count: 4000, qualifier: "more than", what: "killed", source: "officials"}}},
	{"The fighting took at least 300 civilian lives in a week.",
		[]wantFigure{{count: 300, qualifier: "at least", who: "civilians", what: "killed"}}},
	{"Nearly 200 lives were lost when the ferry sank.",
		[]wantFigure{{count: 200, qualifier: "nearly", what: "killed"}}},
	// Bodies recovered, found, seen.
	{"Footage from the village showed at least 27 bodies lying on the ground.",
		[]wantFigure{{count: 27, qualifier: "at least", what: "killed"}}},
	{"Numerous videos said to show killings circulated online. Two clips shot in the small Alawite village of Al-Mukhtariyya showed at least 27 bodies.",
		[]wantFigure{{count: 27, qualifier: "at least", what: "killed", where: "Al-Mukhtariyya", source: ""}}},
	{"Rescuers recovered 15 more bodies from the rubble on Sunday.",
		[]wantFigure{{count: 15, what: "killed"}}},
	{"Residents said they had counted dozens of charred bodies in the streets.",
		[]wantFigure{{count: 24, what: "killed", source: "Residents"}}},
	{"An eyewitness said she saw 30 corpses in a pit beside the cemetery.",
		[]wantFigure{{count: 30, what: "killed", source: "An eyewitness"}}},
	// Driven from their homes.
	{"The militia deployed heavy weapons, driving over 150,000 civilians from their homes.",
		[]wantFigure{{count: 150000, qualifier: "over", who: "civilians", what: "displaced"}}},
	{"The offensive drove some 20,000 people out of their villages.",
		[]wantFigure{{count: 20000, qualifier: "some", who: "people", what: "displaced"}}},
	{"More than 8,000 families have been driven from their homes, the agency said.",
		[]wantFigure{{count: 8000, qualifier: "more than", who: "families", what: "displaced", source: "the agency"}}},
	{"The shelling pushed 3,000 residents to flee across the border.",
		[]wantFigure{{count: 3000, who: "residents", what: "displaced"}}},
	// Forces counted as people.
	{"The rebellion left 200 security forces dead, according to the government.",
		[]wantFigure{{count: 200, who: "security forces", what: "killed", source: "the government"}}},
	{"Among the dead were 100 Syrian security forces, the network said.",
		[]wantFigure{{count: 100, who: "Syrian security forces", what: "killed", source: "the network"}}},
	// In hospital: wounded.
	{"It killed 57 people, and 14 others are still in hospital.",
		[]wantFigure{{count: 57, who: "people", what: "killed"}, {count: 14, what: "wounded"}}},
	{"Another 38 passengers remain in hospital, the hospital director said.",
		[]wantFigure{{count: 38, who: "passengers", what: "wounded", source: "the hospital director"}}},
	{"At least 20 people were hospitalised after the blast.",
		[]wantFigure{{count: 20, qualifier: "at least", who: "people", what: "wounded"}}},
	{"Six workers were taken to hospital with burns.",
		[]wantFigure{{count: 6, who: "workers", what: "wounded"}}},
	// A toll given "as".
	{"Derna's ambulance authority gave the current death toll as 2,300.",
		[]wantFigure{{count: 2300, what: "killed", source: "Derna's ambulance authority"}}},
	// Found dead.
	{"Six men were found dead in an orchard outside the town.",
		[]wantFigure{{count: 6, who: "men", what: "killed"}}},
	{"Police found 11 people dead in a house in the suburb.",
		[]wantFigure{{count: 11, who: "people", what: "killed"}}},
	{"Another 14 were later found dead, the ministry said.",
		[]wantFigure{{count: 14, what: "killed", source: "the ministry"}}},
}

func TestFigureFrames(t *testing.T) { checkFigureTable(t, figureFrameTests) }

// TestFigureFramesNotCounts keeps frames that report no casualties out:
// lives saved, sentences to death, homes counted.
func TestFigureFramesNotCounts(t *testing.T) {
	for _, txt := range []string{
		"The new warning system saved 2,000 lives last year.",
		"A court sentenced 12 men to death on Tuesday.",
		"Twelve men were sentenced to death in absentia.",
		"The storm destroyed 300 homes in the valley.",
		"Some 40 families returned to their homes on Sunday.",
	} {
		if got := figuresOf(txt); len(got) != 0 {
			t.Errorf("%q: want no figures, got %+v", txt, got)
		}
	}
}
