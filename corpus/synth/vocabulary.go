package synth

// person is a person with the spellings outlets use for them.
type person struct {
	first, last []string
	role        string
}

// The words synthetic articles are made of.
var (
	outlets = []struct{ name, host string }{
		{"Reuters", "reuters.com"}, {"Associated Press", "apnews.com"}, {"Agence France-Presse", "afp.com"},
		{"Al Jazeera", "aljazeera.com"}, {"BBC News", "bbc.co.uk"}, {"The Guardian", "theguardian.com"},
		{"Middle East Eye", "middleeasteye.net"}, {"The National", "thenationalnews.com"}, {"Enab Baladi", "enabbaladi.net"},
		{"Le Monde", "lemonde.fr"},
	}
	people = []person{
		{[]string{"Ghiath", "Gaith", "Ghaith", "Ghiyath"}, []string{"Dallah", "Dalah", "Dalla"}, "a former general in the army's Fourth Division"},
		{[]string{"Mohammed", "Muhammad", "Mohamed", "Mohammad"}, []string{"al-Hassan", "el-Hasan", "Hassan"}, "the governor of the province"},
		{[]string{"Hussein", "Hussain", "Husayn"}, []string{"Qassem", "Kassem", "Qasim"}, "a commander of the local militia"},
		{[]string{"Khaled", "Khalid"}, []string{"Mansour", "Mansur"}, "the interior minister"},
		{[]string{"Youssef", "Yusuf", "Yousef"}, []string{"Haddad"}, "a spokesman for the civil defence"},
		{[]string{"Abdullah", "Abdallah"}, []string{"Nasser", "Nasir"}, "the head of the regional council"},
		{[]string{"Omar", "Umar"}, []string{"Saleh", "Salih"}, "a senior intelligence official"},
		{[]string{"Rami", "Ramy"}, []string{"Abdulrahman", "Abdel Rahman"}, "the director of a monitoring group"},
		{[]string{"Leila", "Layla", "Laila"}, []string{"Khoury", "Khouri"}, "a doctor at the main hospital"},
		{[]string{"Fatima", "Fatma"}, []string{"Zahra", "Zahraa"}, "a resident of the old city"},
		{[]string{"Charles"}, []string{"Lister"}, "a senior fellow at the Middle East Institute"},
		{[]string{"Anna"}, []string{"Kowalski"}, "a researcher at Human Rights Watch"},
		{[]string{"Ahmed", "Ahmad"}, []string{"al-Shara", "al-Sharaa", "el-Sharaa"}, "the interim president"},
		{[]string{"Maher"}, []string{"al-Assad", "Assad"}, "the brother of the former president"},
		{[]string{"Samir", "Sameer"}, []string{"Younes", "Yunus", "Younis"}, "a lawyer representing families of the missing"},
		{[]string{"Tariq", "Tarek", "Tareq"}, []string{"Aziz", "Azeez"}, "the mayor of the town"},
	}
	organisations = []string{
		"the Syrian Observatory for Human Rights", "the United Nations", "the Red Crescent", "the Health Ministry",
		"the Interior Ministry", "Doctors Without Borders", "the World Health Organization", "Amnesty International",
		"the civil defence", "a local council", "the Syrian Network for Human Rights", "the International Committee of the Red Cross",
	}
	places = []string{
		"Latakia", "Tartus", "Homs", "Aleppo", "Idlib", "Hama", "Deir ez-Zor", "Daraa", "Raqqa", "Jableh", "Baniyas",
		"Qardaha", "Mosul", "Basra", "Tripoli", "Benghazi", "Khartoum", "Omdurman", "Rafah", "Khan Younis", "Sweida", "Qamishli",
	}
	groups     = []string{"people", "civilians", "security personnel", "fighters", "children", "soldiers", "police officers", "aid workers", "residents"}
	weekdays   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	qualifiers = []string{"", "at least", "more than", "nearly", "about", "some", "over", "up to"}
	countWords = []string{"dozens", "hundreds", "scores", "several", "a dozen"}
	events     = []string{"clashes", "shelling", "an air strike", "a car bomb", "fighting", "a drone attack", "an ambush", "a raid", "flooding", "an earthquake"}
	topics     = []string{"ceasefire", "elections", "reconstruction", "the economy", "fuel shortages", "the return of refugees", "sanctions", "a prisoner exchange", "water supplies", "the harvest"}
	quotes     = []string{
		"We will not allow anyone to drag the country back into war",
		"The people here have nothing left, not even bread",
		"Everyone knows who is responsible for this disorder",
		"We were told to stay indoors and wait, but nobody came",
		"This is the worst violence we have seen in years",
		"Those responsible will be brought to justice, whoever they are",
		"The hospitals are full and we are running out of medicine",
		"There can be no peace without accountability",
		"We are ready to talk, but not under fire",
		"The roads are closed and the families cannot reach the bodies",
	}
)
