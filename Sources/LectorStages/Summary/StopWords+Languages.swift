/// Function words of German, French, Spanish, Dutch and Italian (lower-cased), written for Lector.
///
/// As for English, `…Function` lists only articles, pronouns, auxiliaries, prepositions and
/// conjunctions (left out of sentence vectors), and `…KeyPhrase` adds the common news verbs and time
/// words that never make a key phrase.
extension StopWords {
    static let germanFunction = words(
        """
        der die das den dem des ein eine einer eines einem einen und oder aber doch denn sondern wenn als wie ob \
        dass daß weil da zu zum zur von vom mit bei beim nach aus auf an am im in ins für über unter vor hinter \
        neben zwischen durch gegen ohne um bis seit während wegen trotz ist sind war waren sein bin bist seid \
        wird werden wurde wurden worden hat haben hatte hatten habe hast kann können konnte konnten muss müssen \
        musste soll sollen sollte sollten will wollen wollte darf dürfen mag möchte würde würden er sie es ich du \
        wir ihr ihn ihm ihnen uns euch mich mir dich dir sich man sein seine seiner seinem seinen seines ihre \
        ihrer ihrem ihren ihres unser unsere euer mein meine dein deine dieser diese dieses diesem diesen jener \
        jene welcher welche welches welchem welchen nicht kein keine keiner keinen keinem auch nur noch schon so \
        dann hier dort wo wann warum wer was wen wem alle allen aller alles jeder jede jedes jedem jeden mehr \
        sehr
        """)
    static let germanKeyPhrase = germanFunction.union(
        words(
        """
        sagte sagt sagen erklärte heißt hieß laut gibt gab geben gegeben gehen ging kommen kam macht machen \
        gemacht wieder immer bereits etwa rund jetzt heute gestern morgen neue neuen neuer neues ersten erste \
        zwei drei jahr jahre jahren jahres prozent woche tag tage tagen montag dienstag mittwoch donnerstag \
        freitag samstag sonntag uhr mal viele vielen andere anderen anderer etwas einmal ebenfalls dabei damit \
        dazu davon dafür darauf daran darüber dagegen deshalb jedoch sowie bzw zudem außerdem allerdings nun \
        ab mehr weniger viel ganz vor nach ja nein ca bzw usw etwa
        """))

    static let frenchFunction = words(
        """
        le la les l un une des du de d au aux et ou mais donc or ni car que qu qui quoi dont où si ne n pas plus \
        ce cet cette ces c se s son sa ses leur leurs mon ma mes ton ta tes notre nos votre vos il ils elle \
        elles on je j tu nous vous me m te t lui y en eux moi toi est sont était étaient être été a ont avait \
        avaient avoir eu sera seront serait fait faire peut peuvent pour par sur sous dans avec sans chez entre \
        vers contre après avant depuis pendant selon comme aussi très tout tous toute toutes même autre autres \
        quel quelle quels quelles ceci cela ça
        """)
    static let frenchKeyPhrase = frenchFunction.union(
        words(
        """
        dit déclaré affirmé indiqué selon ainsi alors encore déjà toujours bien aujourd hui hier demain fois \
        deux trois premier première nouveau nouvelle nouveaux an ans année années jour jours semaine mois lundi \
        mardi mercredi jeudi vendredi samedi dimanche heure heures cent pourcent environ plusieurs beaucoup \
        peu cependant toutefois notamment également dont lors
        """))

    static let spanishFunction = words(
        """
        el la los las lo un una unos unas y e o u ni pero sino que quien quienes cual cuales cuyo donde cuando \
        como si no de del al a en con por para sin sobre entre hasta desde hacia contra según durante tras ante \
        bajo es son era eran ser sido fue fueron está están estaba estar ha han había habían haber he hay se su \
        sus le les me te nos os mi mis tu tus nuestro nuestra nuestros nuestras él ella ellos ellas yo tú \
        usted ustedes este esta estos estas ese esa esos esas aquel aquella esto eso muy más menos también ya \
        todo toda todos todas otro otra otros otras mismo misma puede pueden
        """)
    static let spanishKeyPhrase = spanishFunction.union(
        words(
        """
        dijo dice afirmó explicó señaló indicó aseguró según así aún además sin embargo hoy ayer mañana vez \
        veces dos tres primer primera primero nuevo nueva nuevos año años día días semana mes meses lunes \
        martes miércoles jueves viernes sábado domingo hora horas ciento cien por ciento unos varios muchos \
        mucho poco tanto cada después antes
        """))

    static let dutchFunction = words(
        """
        de het een en of maar want dus dat die dit deze wie wat waar wanneer waarom hoe als dan ook niet geen \
        van voor met op in aan bij uit naar over onder tegen tussen door om tot sinds zonder na per is zijn was \
        waren ben bent wordt worden werd werden geweest heeft hebben had hadden heb kan kunnen kon konden moet \
        moeten moest zal zullen zou zouden wil willen wilde mag mogen hij zij ze het ik jij je wij we jullie hen \
        hem haar hun mij me mijn jouw uw ons onze er zich zo al nog wel reeds
        """)
    static let dutchKeyPhrase = dutchFunction.union(
        words(
        """
        zei zegt zeggen aldus volgens gaat ging gaan komt kwam komen maakt maken gemaakt weer altijd al vandaag \
        gisteren morgen keer twee drie eerste nieuwe nieuw jaar jaren week dag dagen maandag dinsdag woensdag \
        donderdag vrijdag zaterdag zondag uur procent ongeveer veel meer minder andere ander echter bovendien \
        daarom daarbij daarna toen nu
        """))

    static let italianFunction = words(
        """
        il lo la i gli le l un uno una un' e ed o ma però che chi cui dove quando come se non di del dello della \
        dei degli delle dell a al allo alla ai agli alle all da dal dallo dalla dai dagli dalle dall in nel nello \
        nella nei negli nelle nell con su sul sullo sulla sui sugli sulle sull per tra fra è sono era erano essere \
        stato stata stati state ha hanno aveva avevano avere avuto si ci ne mi ti vi suo sua suoi sue loro mio \
        mia nostro nostra lui lei io tu noi voi questo questa questi queste quello quella quelli quelle anche \
        più molto tutto tutti tutta tutte altro altri altra altre stesso può possono
        """)
    static let italianKeyPhrase = italianFunction.union(
        words(
        """
        detto dice ha detto spiegato affermato dichiarato secondo così ancora già sempre oggi ieri domani volta \
        volte due tre primo prima nuovo nuova nuovi anno anni giorno giorni settimana mese mesi lunedì martedì \
        mercoledì giovedì venerdì sabato domenica ora ore cento circa molti molte poco però inoltre quindi dopo \
        prima poi
        """))

    private static func words(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { String($0) })
    }
}
