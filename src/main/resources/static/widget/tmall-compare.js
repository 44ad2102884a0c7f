/*
 * <tmall-compare>: the Tmall Europe offer and the AliExpress offer of one product side
 * by side, delivered to the shopper's country. No dependencies and no build step: a shop
 * page loads this file with one script tag and writes one element,
 *
 *   <script src="https://gateway.example.eu/widget/tmall-compare.js" defer></script>
 *   <tmall-compare gtin="8479235294249" ship-to="ES" currency="EUR" key="pk_…"></tmall-compare>
 *
 * `endpoint` defaults to the /graphql beside this script; `key` is the shop's publishable
 * key (none on the gateway's own pages); the language is the element's `lang` or its
 * page's, else the browser's. The gateway writes the delivery labels and the amounts in
 * that language; the few words of the widget's own are in MESSAGES below.
 *
 * It sends one operation, by its SHA-256 hash only (src/main/resources/widget/
 * TmallCompare.graphql): the gateway knows the document, and a publishable key may run
 * nothing else. The host element's `state` attribute says what it shows: loading, ready,
 * partial (a marketplace failed), empty (neither sells the product) or error.
 */
(() => {
	'use strict';

	const DOCUMENT_SHA256 = '5504f31ebd03f41d023987984f251f4a592639fbd6bf6206eb2310d003ea51fc';
	const OPERATION_NAME = 'TmallCompare';
	const TIMEOUT_MS = 15000;

	const MARKETPLACES = [
		{ code: 'TMALL_EUROPE', upstream: 'tmall-europe', name: 'Tmall Europe' },
		{ code: 'ALIEXPRESS', upstream: 'aliexpress', name: 'AliExpress' },
	];

	// The widget's own words in the gateway's 24 languages (delivery.SupportedLocales):
	// keep the two lists the same (WidgetScriptTests). `days` holds the plural forms of
	// "# business days" as the `sooner` sentence needs them, by CLDR plural category.
	const MESSAGES = {
		bg: { region: 'Сравнение на цени с доставка', loading: 'Офертите се зареждат…', cheapest: 'Най-евтина', fastest: 'Най-бърза', arrives: 'Пристига до {date}', total: 'Цена с доставка', estimate: 'приблизително', breakdown: 'Разбивка на цената', goods: 'Стока без ДДС', shipping: 'Доставка без ДДС', vat: 'ДДС ({rate})', duty: 'Мито', fees: 'Такси', regime: 'Митнически режим', EU_INTERNAL: 'Доставка в ЕС, без мито', IOSS: 'Внос, ДДС платен при поръчката (IOSS)', IMPORT: 'Внос, ДДС и мито на митницата', DOMESTIC: 'Местна', EU: 'ЕС', CROSS_BORDER: 'Извън ЕС', view: 'Виж в {marketplace}', more: 'Местната оферта струва с {amount} ({percent}) повече.', less: 'Местната оферта струва с {amount} ({percent}) по-малко.', sooner: 'Пристига {days} по-рано.', days: { one: '# работен ден', other: '# работни дни' }, missing: '{marketplace} не отговори, затова офертата липсва. Опитайте отново по-късно.', empty: 'Нито един магазин не предлага този продукт за тази дестинация.', failed: 'Офертите не можаха да бъдат заредени.' },
		cs: { region: 'Srovnání cen s doručením', loading: 'Načítání nabídek…', cheapest: 'Nejlevnější', fastest: 'Nejrychlejší', arrives: 'Doručení do {date}', total: 'Cena s doručením', estimate: 'odhad', breakdown: 'Rozpis ceny', goods: 'Zboží bez DPH', shipping: 'Doprava bez DPH', vat: 'DPH ({rate})', duty: 'Clo', fees: 'Poplatky', regime: 'Celní režim', EU_INTERNAL: 'Dodání v rámci EU, bez cla', IOSS: 'Dovoz, DPH zaplacená při nákupu (IOSS)', IMPORT: 'Dovoz, DPH a clo na celnici', DOMESTIC: 'Místní', EU: 'EU', CROSS_BORDER: 'Mimo EU', view: 'Zobrazit na {marketplace}', more: 'Místní nabídka stojí o {amount} ({percent}) více.', less: 'Místní nabídka stojí o {amount} ({percent}) méně.', sooner: 'Dorazí o {days} dříve.', days: { one: '# pracovní den', few: '# pracovní dny', many: '# pracovního dne', other: '# pracovních dnů' }, missing: '{marketplace} neodpověděl, proto jeho nabídka chybí. Zkuste to později.', empty: 'Tento produkt žádný obchod do této země nenabízí.', failed: 'Nabídky se nepodařilo načíst.' },
		da: { region: 'Sammenligning af priser med levering', loading: 'Henter tilbud…', cheapest: 'Billigst', fastest: 'Hurtigst', arrives: 'Leveres senest {date}', total: 'Pris med levering', estimate: 'anslået', breakdown: 'Prisopdeling', goods: 'Vare ekskl. moms', shipping: 'Fragt ekskl. moms', vat: 'Moms ({rate})', duty: 'Told', fees: 'Gebyrer', regime: 'Toldordning', EU_INTERNAL: 'Levering inden for EU, ingen told', IOSS: 'Import, moms betalt ved køb (IOSS)', IMPORT: 'Import, moms og told ved fortoldning', DOMESTIC: 'Lokal', EU: 'EU', CROSS_BORDER: 'Uden for EU', view: 'Se på {marketplace}', more: 'Det lokale tilbud koster {amount} ({percent}) mere.', less: 'Det lokale tilbud koster {amount} ({percent}) mindre.', sooner: 'Det ankommer {days} tidligere.', days: { one: '# hverdag', other: '# hverdage' }, missing: '{marketplace} svarede ikke, så tilbuddet mangler. Prøv igen senere.', empty: 'Ingen af markedspladserne sælger dette produkt til denne destination.', failed: 'Tilbuddene kunne ikke hentes.' },
		de: { region: 'Preisvergleich mit Lieferung', loading: 'Angebote werden geladen…', cheapest: 'Am günstigsten', fastest: 'Am schnellsten', arrives: 'Lieferung bis {date}', total: 'Preis mit Lieferung', estimate: 'geschätzt', breakdown: 'Preisaufschlüsselung', goods: 'Ware ohne MwSt.', shipping: 'Versand ohne MwSt.', vat: 'MwSt. ({rate})', duty: 'Zoll', fees: 'Gebühren', regime: 'Zollverfahren', EU_INTERNAL: 'Lieferung innerhalb der EU, kein Zoll', IOSS: 'Import, MwSt. beim Kauf bezahlt (IOSS)', IMPORT: 'Import, MwSt. und Zoll bei der Verzollung', DOMESTIC: 'Lokal', EU: 'EU', CROSS_BORDER: 'Außerhalb der EU', view: 'Bei {marketplace} ansehen', more: 'Das lokale Angebot kostet {amount} ({percent}) mehr.', less: 'Das lokale Angebot kostet {amount} ({percent}) weniger.', sooner: 'Es kommt {days} früher an.', days: { one: '# Werktag', other: '# Werktage' }, missing: '{marketplace} hat nicht geantwortet, daher fehlt sein Angebot. Bitte später erneut versuchen.', empty: 'Keiner der Marktplätze bietet dieses Produkt für dieses Ziel an.', failed: 'Die Angebote konnten nicht geladen werden.' },
		el: { region: 'Σύγκριση τιμών με παράδοση', loading: 'Φόρτωση προσφορών…', cheapest: 'Φθηνότερη', fastest: 'Ταχύτερη', arrives: 'Παράδοση έως {date}', total: 'Τιμή με παράδοση', estimate: 'εκτίμηση', breakdown: 'Ανάλυση τιμής', goods: 'Προϊόν χωρίς ΦΠΑ', shipping: 'Αποστολή χωρίς ΦΠΑ', vat: 'ΦΠΑ ({rate})', duty: 'Δασμός', fees: 'Τέλη', regime: 'Τελωνειακό καθεστώς', EU_INTERNAL: 'Παράδοση εντός ΕΕ, χωρίς δασμό', IOSS: 'Εισαγωγή, ΦΠΑ πληρωμένος στην αγορά (IOSS)', IMPORT: 'Εισαγωγή, ΦΠΑ και δασμός στο τελωνείο', DOMESTIC: 'Τοπική', EU: 'ΕΕ', CROSS_BORDER: 'Εκτός ΕΕ', view: 'Δείτε στο {marketplace}', more: 'Η τοπική προσφορά κοστίζει {amount} ({percent}) περισσότερο.', less: 'Η τοπική προσφορά κοστίζει {amount} ({percent}) λιγότερο.', sooner: 'Φτάνει {days} νωρίτερα.', days: { one: '# εργάσιμη ημέρα', other: '# εργάσιμες ημέρες' }, missing: 'Το {marketplace} δεν απάντησε, γι’ αυτό λείπει η προσφορά του. Δοκιμάστε ξανά αργότερα.', empty: 'Κανένα κατάστημα δεν προσφέρει αυτό το προϊόν για αυτόν τον προορισμό.', failed: 'Δεν ήταν δυνατή η φόρτωση των προσφορών.' },
		en: { region: 'Delivered prices compared', loading: 'Loading offers…', cheapest: 'Cheapest', fastest: 'Fastest', arrives: 'Arrives by {date}', total: 'Delivered price', estimate: 'estimate', breakdown: 'Price breakdown', goods: 'Goods excl. VAT', shipping: 'Shipping excl. VAT', vat: 'VAT ({rate})', duty: 'Customs duty', fees: 'Fees', regime: 'Customs', EU_INTERNAL: 'Delivery within the EU, no duty', IOSS: 'Import, VAT paid at checkout (IOSS)', IMPORT: 'Import, VAT and duty at customs', DOMESTIC: 'Local', EU: 'EU', CROSS_BORDER: 'Outside the EU', view: 'View on {marketplace}', more: 'The local offer costs {amount} ({percent}) more.', less: 'The local offer costs {amount} ({percent}) less.', sooner: 'It arrives {days} sooner.', days: { one: '# business day', other: '# business days' }, missing: '{marketplace} did not answer, so its offer is missing. Please try again later.', empty: 'Neither marketplace offers this product for this destination.', failed: 'The offers could not be loaded.' },
		es: { region: 'Comparación de precios con entrega', loading: 'Cargando ofertas…', cheapest: 'Más barata', fastest: 'Más rápida', arrives: 'Llega como tarde el {date}', total: 'Precio con entrega', estimate: 'estimado', breakdown: 'Desglose del precio', goods: 'Producto sin IVA', shipping: 'Envío sin IVA', vat: 'IVA ({rate})', duty: 'Arancel', fees: 'Tasas', regime: 'Régimen aduanero', EU_INTERNAL: 'Entrega dentro de la UE, sin aranceles', IOSS: 'Importación, IVA pagado en la compra (IOSS)', IMPORT: 'Importación, IVA y arancel en aduana', DOMESTIC: 'Local', EU: 'UE', CROSS_BORDER: 'Fuera de la UE', view: 'Ver en {marketplace}', more: 'La oferta local cuesta {amount} ({percent}) más.', less: 'La oferta local cuesta {amount} ({percent}) menos.', sooner: 'Llega {days} antes.', days: { one: '# día hábil', other: '# días hábiles' }, missing: '{marketplace} no ha respondido, así que falta su oferta. Inténtalo de nuevo más tarde.', empty: 'Ningún marketplace ofrece este producto para este destino.', failed: 'No se han podido cargar las ofertas.' },
		et: { region: 'Hindade võrdlus koos tarnega', loading: 'Pakkumiste laadimine…', cheapest: 'Odavaim', fastest: 'Kiireim', arrives: 'Kohal hiljemalt {date}', total: 'Hind koos tarnega', estimate: 'hinnanguline', breakdown: 'Hinna jaotus', goods: 'Kaup käibemaksuta', shipping: 'Saatmine käibemaksuta', vat: 'Käibemaks ({rate})', duty: 'Toll', fees: 'Tasud', regime: 'Tollikord', EU_INTERNAL: 'Tarne ELi piires, tollita', IOSS: 'Import, käibemaks makstud ostul (IOSS)', IMPORT: 'Import, käibemaks ja toll tollis', DOMESTIC: 'Kohalik', EU: 'EL', CROSS_BORDER: 'Väljastpoolt ELi', view: 'Vaata: {marketplace}', more: 'Kohalik pakkumine maksab {amount} ({percent}) rohkem.', less: 'Kohalik pakkumine maksab {amount} ({percent}) vähem.', sooner: 'See jõuab kohale {days} varem.', days: { one: '# tööpäev', other: '# tööpäeva' }, missing: '{marketplace} ei vastanud, seega selle pakkumine puudub. Proovige hiljem uuesti.', empty: 'Ükski kauplus ei paku seda toodet sellesse sihtkohta.', failed: 'Pakkumisi ei õnnestunud laadida.' },
		fi: { region: 'Hintavertailu toimituksineen', loading: 'Ladataan tarjouksia…', cheapest: 'Edullisin', fastest: 'Nopein', arrives: 'Perillä viimeistään {date}', total: 'Hinta toimituksineen', estimate: 'arvio', breakdown: 'Hinnan erittely', goods: 'Tuote ilman ALV:tä', shipping: 'Toimitus ilman ALV:tä', vat: 'ALV ({rate})', duty: 'Tulli', fees: 'Maksut', regime: 'Tullimenettely', EU_INTERNAL: 'Toimitus EU:n sisällä, ei tullia', IOSS: 'Tuonti, ALV maksettu ostettaessa (IOSS)', IMPORT: 'Tuonti, ALV ja tulli tullauksessa', DOMESTIC: 'Kotimainen', EU: 'EU', CROSS_BORDER: 'EU:n ulkopuolelta', view: 'Katso: {marketplace}', more: 'Paikallinen tarjous maksaa {amount} ({percent}) enemmän.', less: 'Paikallinen tarjous maksaa {amount} ({percent}) vähemmän.', sooner: 'Se saapuu {days} aiemmin.', days: { one: '# arkipäivä', other: '# arkipäivää' }, missing: '{marketplace} ei vastannut, joten sen tarjous puuttuu. Yritä myöhemmin uudelleen.', empty: 'Mikään kauppapaikka ei tarjoa tätä tuotetta tähän kohteeseen.', failed: 'Tarjouksia ei voitu ladata.' },
		fr: { region: 'Comparaison des prix livrés', loading: 'Chargement des offres…', cheapest: 'La moins chère', fastest: 'La plus rapide', arrives: 'Livrée au plus tard le {date}', total: 'Prix livré', estimate: 'estimation', breakdown: 'Détail du prix', goods: 'Article HT', shipping: 'Livraison HT', vat: 'TVA ({rate})', duty: 'Droits de douane', fees: 'Frais', regime: 'Régime douanier', EU_INTERNAL: 'Livraison dans l’UE, sans douane', IOSS: 'Importation, TVA payée à l’achat (IOSS)', IMPORT: 'Importation, TVA et droits à la douane', DOMESTIC: 'Local', EU: 'UE', CROSS_BORDER: 'Hors UE', view: 'Voir sur {marketplace}', more: 'L’offre locale coûte {amount} ({percent}) de plus.', less: 'L’offre locale coûte {amount} ({percent}) de moins.', sooner: 'Elle arrive {days} plus tôt.', days: { one: '# jour ouvré', other: '# jours ouvrés' }, missing: '{marketplace} n’a pas répondu\u00a0: son offre manque. Réessayez plus tard.', empty: 'Aucune place de marché ne propose ce produit pour cette destination.', failed: 'Les offres n’ont pas pu être chargées.' },
		ga: { region: 'Praghsanna le seachadadh curtha i gcomparáid', loading: 'Tairiscintí á lódáil…', cheapest: 'Is saoire', fastest: 'Is tapúla', arrives: 'Sroicheann sé faoi {date}', total: 'Praghas le seachadadh', estimate: 'meastachán', breakdown: 'Miondealú an phraghais', goods: 'Earraí gan CBL', shipping: 'Seoladh gan CBL', vat: 'CBL ({rate})', duty: 'Dleacht chustaim', fees: 'Táillí', regime: 'Córas custaim', EU_INTERNAL: 'Seachadadh laistigh den AE, gan dleacht', IOSS: 'Allmhairiú, CBL íoctha ag an tseiceáil amach (IOSS)', IMPORT: 'Allmhairiú, CBL agus dleacht ag an gcustam', DOMESTIC: 'Áitiúil', EU: 'AE', CROSS_BORDER: 'Lasmuigh den AE', view: 'Féach ar {marketplace}', more: 'Cosnaíonn an tairiscint áitiúil {amount} ({percent}) níos mó.', less: 'Cosnaíonn an tairiscint áitiúil {amount} ({percent}) níos lú.', sooner: 'Sroicheann sé {days} níos luaithe.', days: { other: '# lá oibre' }, missing: 'Níor fhreagair {marketplace}, mar sin tá a thairiscint ar iarraidh. Bain triail eile as ar ball.', empty: 'Níl an táirge seo ar fáil ó aon mhargadh don cheann scríbe seo.', failed: 'Níorbh fhéidir na tairiscintí a lódáil.' },
		hr: { region: 'Usporedba cijena s dostavom', loading: 'Učitavanje ponuda…', cheapest: 'Najjeftinija', fastest: 'Najbrža', arrives: 'Stiže do {date}', total: 'Cijena s dostavom', estimate: 'procjena', breakdown: 'Raščlamba cijene', goods: 'Roba bez PDV-a', shipping: 'Dostava bez PDV-a', vat: 'PDV ({rate})', duty: 'Carina', fees: 'Naknade', regime: 'Carinski postupak', EU_INTERNAL: 'Dostava unutar EU-a, bez carine', IOSS: 'Uvoz, PDV plaćen pri kupnji (IOSS)', IMPORT: 'Uvoz, PDV i carina na carini', DOMESTIC: 'Lokalno', EU: 'EU', CROSS_BORDER: 'Izvan EU-a', view: 'Pogledaj na {marketplace}', more: 'Lokalna ponuda stoji {amount} ({percent}) više.', less: 'Lokalna ponuda stoji {amount} ({percent}) manje.', sooner: 'Stiže {days} ranije.', days: { one: '# radni dan', few: '# radna dana', other: '# radnih dana' }, missing: '{marketplace} nije odgovorio pa njegova ponuda nedostaje. Pokušajte ponovno kasnije.', empty: 'Nijedna tržnica ne nudi ovaj proizvod za ovo odredište.', failed: 'Ponude nije bilo moguće učitati.' },
		hu: { region: 'Árösszehasonlítás szállítással', loading: 'Ajánlatok betöltése…', cheapest: 'Legolcsóbb', fastest: 'Leggyorsabb', arrives: 'Legkésőbb {date} érkezik', total: 'Ár szállítással', estimate: 'becslés', breakdown: 'Az ár részletei', goods: 'Termék áfa nélkül', shipping: 'Szállítás áfa nélkül', vat: 'Áfa ({rate})', duty: 'Vám', fees: 'Díjak', regime: 'Vámeljárás', EU_INTERNAL: 'Szállítás az EU-n belül, vám nélkül', IOSS: 'Import, az áfa a vásárláskor fizetve (IOSS)', IMPORT: 'Import, áfa és vám a vámkezeléskor', DOMESTIC: 'Helyi', EU: 'EU', CROSS_BORDER: 'EU-n kívüli', view: 'Megtekintés: {marketplace}', more: 'A helyi ajánlat {amount} ({percent}) összeggel drágább.', less: 'A helyi ajánlat {amount} ({percent}) összeggel olcsóbb.', sooner: '{days} hamarabb érkezik.', days: { other: '# munkanappal' }, missing: 'A(z) {marketplace} nem válaszolt, ezért az ajánlata hiányzik. Próbálja újra később.', empty: 'Egyik piactér sem kínálja ezt a terméket erre a célállomásra.', failed: 'Az ajánlatokat nem sikerült betölteni.' },
		it: { region: 'Confronto dei prezzi con consegna', loading: 'Caricamento delle offerte…', cheapest: 'La più economica', fastest: 'La più veloce', arrives: 'Arriva entro il {date}', total: 'Prezzo con consegna', estimate: 'stima', breakdown: 'Dettaglio del prezzo', goods: 'Articolo IVA esclusa', shipping: 'Spedizione IVA esclusa', vat: 'IVA ({rate})', duty: 'Dazio', fees: 'Diritti', regime: 'Regime doganale', EU_INTERNAL: 'Consegna nell’UE, senza dazi', IOSS: 'Importazione, IVA pagata all’acquisto (IOSS)', IMPORT: 'Importazione, IVA e dazio in dogana', DOMESTIC: 'Locale', EU: 'UE', CROSS_BORDER: 'Extra UE', view: 'Vedi su {marketplace}', more: 'L’offerta locale costa {amount} ({percent}) in più.', less: 'L’offerta locale costa {amount} ({percent}) in meno.', sooner: 'Arriva {days} prima.', days: { one: '# giorno lavorativo', other: '# giorni lavorativi' }, missing: '{marketplace} non ha risposto, quindi manca la sua offerta. Riprova più tardi.', empty: 'Nessun marketplace offre questo prodotto per questa destinazione.', failed: 'Impossibile caricare le offerte.' },
		lt: { region: 'Kainų su pristatymu palyginimas', loading: 'Įkeliami pasiūlymai…', cheapest: 'Pigiausias', fastest: 'Greičiausias', arrives: 'Pristatoma iki {date}', total: 'Kaina su pristatymu', estimate: 'apytikriai', breakdown: 'Kainos išskaidymas', goods: 'Prekė be PVM', shipping: 'Siuntimas be PVM', vat: 'PVM ({rate})', duty: 'Muitas', fees: 'Mokesčiai', regime: 'Muitinės procedūra', EU_INTERNAL: 'Pristatymas ES viduje, be muito', IOSS: 'Importas, PVM sumokėtas perkant (IOSS)', IMPORT: 'Importas, PVM ir muitas muitinėje', DOMESTIC: 'Vietinis', EU: 'ES', CROSS_BORDER: 'Ne iš ES', view: 'Žiūrėti: {marketplace}', more: 'Vietinis pasiūlymas kainuoja {amount} ({percent}) daugiau.', less: 'Vietinis pasiūlymas kainuoja {amount} ({percent}) mažiau.', sooner: 'Pristatoma {days} anksčiau.', days: { one: '# darbo diena', few: '# darbo dienomis', many: '# darbo dienos', other: '# darbo dienų' }, missing: '{marketplace} neatsakė, todėl jo pasiūlymo nėra. Bandykite vėliau.', empty: 'Nė viena prekyvietė nesiūlo šio produkto šiai paskirties vietai.', failed: 'Nepavyko įkelti pasiūlymų.' },
		lv: { region: 'Cenu salīdzinājums ar piegādi', loading: 'Ielādē piedāvājumus…', cheapest: 'Lētākais', fastest: 'Ātrākais', arrives: 'Piegāde līdz {date}', total: 'Cena ar piegādi', estimate: 'aptuveni', breakdown: 'Cenas sadalījums', goods: 'Prece bez PVN', shipping: 'Piegāde bez PVN', vat: 'PVN ({rate})', duty: 'Muita', fees: 'Maksas', regime: 'Muitas režīms', EU_INTERNAL: 'Piegāde ES robežās, bez muitas', IOSS: 'Imports, PVN samaksāts pirkuma brīdī (IOSS)', IMPORT: 'Imports, PVN un muita muitā', DOMESTIC: 'Vietējais', EU: 'ES', CROSS_BORDER: 'Ārpus ES', view: 'Skatīt: {marketplace}', more: 'Vietējais piedāvājums maksā par {amount} ({percent}) vairāk.', less: 'Vietējais piedāvājums maksā par {amount} ({percent}) mazāk.', sooner: 'Tas tiek piegādāts {days} ātrāk.', days: { zero: 'par # darba dienām', one: 'par # darba dienu', other: 'par # darba dienām' }, missing: '{marketplace} neatbildēja, tāpēc tā piedāvājuma nav. Mēģiniet vēlāk vēlreiz.', empty: 'Neviena tirdzniecības vieta nepiedāvā šo produktu šim galamērķim.', failed: 'Piedāvājumus neizdevās ielādēt.' },
		mt: { region: 'Paragun tal-prezzijiet bil-kunsinna', loading: 'Qed jittellgħu l-offerti…', cheapest: 'L-irħas', fastest: 'L-aktar mgħaġġla', arrives: 'Jasal sa {date}', total: 'Prezz bil-kunsinna', estimate: 'stima', breakdown: 'Dettall tal-prezz', goods: 'Oġġett mingħajr VAT', shipping: 'Tbagħit mingħajr VAT', vat: 'VAT ({rate})', duty: 'Dazju', fees: 'Tariffi', regime: 'Reġim doganali', EU_INTERNAL: 'Kunsinna fl-UE, bla dazju', IOSS: 'Importazzjoni, VAT imħallas mal-ordni (IOSS)', IMPORT: 'Importazzjoni, VAT u dazju fid-dwana', DOMESTIC: 'Lokali', EU: 'UE', CROSS_BORDER: 'Barra mill-UE', view: 'Ara fuq {marketplace}', more: 'L-offerta lokali tiswa {amount} ({percent}) aktar.', less: 'L-offerta lokali tiswa {amount} ({percent}) inqas.', sooner: 'Tasal {days} qabel.', days: { one: '# jum tax-xogħol', two: '# ijiem tax-xogħol', few: '# ijiem tax-xogħol', other: '# jum tax-xogħol' }, missing: '{marketplace} ma weġibx, għalhekk l-offerta tiegħu nieqsa. Erġa’ pprova aktar tard.', empty: 'L-ebda suq ma joffri dan il-prodott għal din id-destinazzjoni.', failed: 'L-offerti ma setgħux jittellgħu.' },
		nl: { region: 'Prijzen met levering vergeleken', loading: 'Aanbiedingen laden…', cheapest: 'Goedkoopst', fastest: 'Snelst', arrives: 'Uiterlijk {date} in huis', total: 'Prijs met levering', estimate: 'schatting', breakdown: 'Prijsopbouw', goods: 'Artikel excl. btw', shipping: 'Verzending excl. btw', vat: 'Btw ({rate})', duty: 'Invoerrecht', fees: 'Heffingen', regime: 'Douaneregeling', EU_INTERNAL: 'Levering binnen de EU, geen douane', IOSS: 'Import, btw betaald bij aankoop (IOSS)', IMPORT: 'Import, btw en invoerrecht bij de douane', DOMESTIC: 'Lokaal', EU: 'EU', CROSS_BORDER: 'Buiten de EU', view: 'Bekijk op {marketplace}', more: 'Het lokale aanbod kost {amount} ({percent}) meer.', less: 'Het lokale aanbod kost {amount} ({percent}) minder.', sooner: 'Het komt {days} eerder aan.', days: { one: '# werkdag', other: '# werkdagen' }, missing: '{marketplace} gaf geen antwoord, dus dat aanbod ontbreekt. Probeer het later opnieuw.', empty: 'Geen enkele marktplaats biedt dit product aan voor deze bestemming.', failed: 'De aanbiedingen konden niet worden geladen.' },
		pl: { region: 'Porównanie cen z dostawą', loading: 'Wczytywanie ofert…', cheapest: 'Najtańsza', fastest: 'Najszybsza', arrives: 'Dostawa do {date}', total: 'Cena z dostawą', estimate: 'szacunkowo', breakdown: 'Szczegóły ceny', goods: 'Towar bez VAT', shipping: 'Wysyłka bez VAT', vat: 'VAT ({rate})', duty: 'Cło', fees: 'Opłaty', regime: 'Procedura celna', EU_INTERNAL: 'Dostawa w UE, bez cła', IOSS: 'Import, VAT zapłacony przy zakupie (IOSS)', IMPORT: 'Import, VAT i cło w urzędzie celnym', DOMESTIC: 'Lokalna', EU: 'UE', CROSS_BORDER: 'Spoza UE', view: 'Zobacz w {marketplace}', more: 'Oferta lokalna kosztuje o {amount} ({percent}) więcej.', less: 'Oferta lokalna kosztuje o {amount} ({percent}) mniej.', sooner: 'Dociera o {days} wcześniej.', days: { one: '# dzień roboczy', few: '# dni robocze', many: '# dni roboczych', other: '# dni roboczych' }, missing: '{marketplace} nie odpowiada, więc brakuje tej oferty. Spróbuj ponownie później.', empty: 'Żaden serwis nie oferuje tego produktu dla tego kraju dostawy.', failed: 'Nie udało się wczytać ofert.' },
		pt: { region: 'Comparação de preços com entrega', loading: 'A carregar ofertas…', cheapest: 'Mais barata', fastest: 'Mais rápida', arrives: 'Chega até {date}', total: 'Preço com entrega', estimate: 'estimativa', breakdown: 'Decomposição do preço', goods: 'Artigo sem IVA', shipping: 'Envio sem IVA', vat: 'IVA ({rate})', duty: 'Direitos aduaneiros', fees: 'Taxas', regime: 'Regime aduaneiro', EU_INTERNAL: 'Entrega na UE, sem direitos', IOSS: 'Importação, IVA pago na compra (IOSS)', IMPORT: 'Importação, IVA e direitos na alfândega', DOMESTIC: 'Local', EU: 'UE', CROSS_BORDER: 'Fora da UE', view: 'Ver em {marketplace}', more: 'A oferta local custa mais {amount} ({percent}).', less: 'A oferta local custa menos {amount} ({percent}).', sooner: 'Chega {days} mais cedo.', days: { one: '# dia útil', other: '# dias úteis' }, missing: 'O {marketplace} não respondeu, por isso falta a sua oferta. Tente novamente mais tarde.', empty: 'Nenhum marketplace oferece este produto para este destino.', failed: 'Não foi possível carregar as ofertas.' },
		ro: { region: 'Comparație de prețuri cu livrare', loading: 'Se încarcă ofertele…', cheapest: 'Cea mai ieftină', fastest: 'Cea mai rapidă', arrives: 'Ajunge până la {date}', total: 'Preț cu livrare', estimate: 'estimare', breakdown: 'Detalierea prețului', goods: 'Produs fără TVA', shipping: 'Livrare fără TVA', vat: 'TVA ({rate})', duty: 'Taxă vamală', fees: 'Comisioane', regime: 'Regim vamal', EU_INTERNAL: 'Livrare în UE, fără taxe vamale', IOSS: 'Import, TVA plătit la cumpărare (IOSS)', IMPORT: 'Import, TVA și taxă vamală la vamă', DOMESTIC: 'Local', EU: 'UE', CROSS_BORDER: 'Din afara UE', view: 'Vezi pe {marketplace}', more: 'Oferta locală costă cu {amount} ({percent}) mai mult.', less: 'Oferta locală costă cu {amount} ({percent}) mai puțin.', sooner: 'Ajunge cu {days} mai devreme.', days: { one: '# zi lucrătoare', few: '# zile lucrătoare', other: '# de zile lucrătoare' }, missing: '{marketplace} nu a răspuns, așa că oferta lipsește. Încercați din nou mai târziu.', empty: 'Niciun marketplace nu oferă acest produs pentru această destinație.', failed: 'Ofertele nu au putut fi încărcate.' },
		sk: { region: 'Porovnanie cien s doručením', loading: 'Načítavajú sa ponuky…', cheapest: 'Najlacnejšia', fastest: 'Najrýchlejšia', arrives: 'Doručenie do {date}', total: 'Cena s doručením', estimate: 'odhad', breakdown: 'Rozpis ceny', goods: 'Tovar bez DPH', shipping: 'Doprava bez DPH', vat: 'DPH ({rate})', duty: 'Clo', fees: 'Poplatky', regime: 'Colný režim', EU_INTERNAL: 'Doručenie v rámci EÚ, bez cla', IOSS: 'Dovoz, DPH zaplatená pri nákupe (IOSS)', IMPORT: 'Dovoz, DPH a clo na colnici', DOMESTIC: 'Miestna', EU: 'EÚ', CROSS_BORDER: 'Mimo EÚ', view: 'Zobraziť na {marketplace}', more: 'Miestna ponuka stojí o {amount} ({percent}) viac.', less: 'Miestna ponuka stojí o {amount} ({percent}) menej.', sooner: 'Príde o {days} skôr.', days: { one: '# pracovný deň', few: '# pracovné dni', many: '# pracovného dňa', other: '# pracovných dní' }, missing: '{marketplace} neodpovedal, preto jeho ponuka chýba. Skúste to neskôr.', empty: 'Tento produkt neponúka žiadny obchod pre toto miesto určenia.', failed: 'Ponuky sa nepodarilo načítať.' },
		sl: { region: 'Primerjava cen z dostavo', loading: 'Nalaganje ponudb…', cheapest: 'Najcenejša', fastest: 'Najhitrejša', arrives: 'Prispe do {date}', total: 'Cena z dostavo', estimate: 'ocena', breakdown: 'Razčlenitev cene', goods: 'Izdelek brez DDV', shipping: 'Pošiljanje brez DDV', vat: 'DDV ({rate})', duty: 'Carina', fees: 'Pristojbine', regime: 'Carinski postopek', EU_INTERNAL: 'Dostava znotraj EU, brez carine', IOSS: 'Uvoz, DDV plačan ob nakupu (IOSS)', IMPORT: 'Uvoz, DDV in carina ob carinjenju', DOMESTIC: 'Lokalno', EU: 'EU', CROSS_BORDER: 'Izven EU', view: 'Oglejte si na {marketplace}', more: 'Lokalna ponudba stane {amount} ({percent}) več.', less: 'Lokalna ponudba stane {amount} ({percent}) manj.', sooner: 'Prispe {days} prej.', days: { one: '# delovni dan', two: '# delovna dneva', few: '# delovne dneve', other: '# delovnih dni' }, missing: '{marketplace} se ni odzval, zato njegova ponudba manjka. Poskusite znova pozneje.', empty: 'Nobena tržnica ne ponuja tega izdelka za ta cilj.', failed: 'Ponudb ni bilo mogoče naložiti.' },
		sv: { region: 'Prisjämförelse med leverans', loading: 'Hämtar erbjudanden…', cheapest: 'Billigast', fastest: 'Snabbast', arrives: 'Levereras senast {date}', total: 'Pris med leverans', estimate: 'uppskattning', breakdown: 'Prisuppdelning', goods: 'Vara exkl. moms', shipping: 'Frakt exkl. moms', vat: 'Moms ({rate})', duty: 'Tull', fees: 'Avgifter', regime: 'Tullförfarande', EU_INTERNAL: 'Leverans inom EU, ingen tull', IOSS: 'Import, moms betald vid köpet (IOSS)', IMPORT: 'Import, moms och tull vid förtullning', DOMESTIC: 'Lokalt', EU: 'EU', CROSS_BORDER: 'Utanför EU', view: 'Visa på {marketplace}', more: 'Det lokala erbjudandet kostar {amount} ({percent}) mer.', less: 'Det lokala erbjudandet kostar {amount} ({percent}) mindre.', sooner: 'Det kommer fram {days} tidigare.', days: { one: '# arbetsdag', other: '# arbetsdagar' }, missing: '{marketplace} svarade inte, så dess erbjudande saknas. Försök igen senare.', empty: 'Ingen marknadsplats erbjuder produkten till den här destinationen.', failed: 'Erbjudandena kunde inte hämtas.' },
	};

	const STYLE = `
		:host { display: block; min-height: 21.5rem; font: 400 1rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
			color: #1b1b1f; --accent: #b3261e; --muted: #4a4a55; --line: #c9c9d1; --card: #ffffff; }
		:host([hidden]) { display: none; }
		* { box-sizing: border-box; }
		section { container-type: inline-size; }
		h2, .title { font-size: 1.05rem; margin: 0 0 .6rem; min-height: 1.6rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
		.offers { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .75rem; }
		@container (max-width: 34rem) { .offers { grid-template-columns: minmax(0, 1fr); } }
		.card { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .8rem .9rem;
			min-height: 15.5rem; display: flex; flex-direction: column; gap: .35rem; }
		.card.best { border-color: #1b5e20; box-shadow: inset 0 0 0 1px #1b5e20; }
		.head { display: flex; align-items: center; justify-content: space-between; gap: .5rem; }
		h3 { font-size: 1.05rem; margin: 0; }
		.badge { font-size: .8rem; font-weight: 600; padding: .1rem .5rem; border-radius: 1rem; white-space: nowrap; }
		.DOMESTIC { background: #e2f3e5; color: #1b5e20; }
		.EU { background: #e3edfb; color: #0d47a1; }
		.CROSS_BORDER { background: #fdefd9; color: #7a3e00; }
		.marks { display: flex; gap: .4rem; min-height: 1.5rem; margin: 0; padding: 0; list-style: none; }
		.marks li { font-size: .8rem; font-weight: 700; color: #ffffff; background: #1b5e20; padding: .1rem .5rem; border-radius: .25rem; }
		.marks li.fastest { background: #0d47a1; }
		p { margin: 0; }
		.label, .date { color: var(--muted); font-size: .92rem; }
		.total { margin-top: .25rem; display: flex; align-items: baseline; justify-content: space-between; gap: .5rem; flex-wrap: wrap; }
		.total strong { font-size: 1.35rem; }
		.estimate { font-size: .8rem; color: var(--muted); }
		details { font-size: .9rem; }
		summary { cursor: pointer; color: #0b57d0; width: fit-content; }
		dl { display: grid; grid-template-columns: 1fr auto; gap: .15rem .75rem; margin: .35rem 0 0; }
		dt { color: var(--muted); }
		dd { margin: 0; text-align: end; }
		dd.regime { grid-column: 1 / -1; text-align: start; }
		a { color: #0b57d0; margin-top: auto; width: fit-content; }
		a:focus-visible, summary:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; border-radius: .2rem; }
		.notice { color: #5f2100; background: #fff4e5; border-color: #e0a04d; justify-content: center; }
		.empty { grid-column: 1 / -1; justify-content: center; text-align: center; color: var(--muted); }
		.summary { min-height: 3rem; margin-top: .6rem; }
		.skeleton { justify-content: center; align-items: center; color: var(--muted); }
		.bar { display: block; height: .9rem; width: 70%; border-radius: .3rem; background: #ececf1; }
		.bar.short { width: 40%; }
		@media (prefers-reduced-motion: no-preference) { .bar { animation: pulse 1.2s ease-in-out infinite alternate; } }
		@keyframes pulse { from { opacity: 1; } to { opacity: .45; } }
	`;

	const SCRIPT_URL = document.currentScript ? document.currentScript.src : location.href;

	/** The language the widget speaks, one of MESSAGES': the page's, else the browser's, else English. */
	function languageOf(element) {
		const tagged = element.closest('[lang]');
		const wanted = [tagged ? tagged.getAttribute('lang') : '', ...(navigator.languages || [navigator.language])];
		for (const tag of wanted) {
			const language = (tag || '').toLowerCase().split('-')[0];
			if (MESSAGES[language]) {
				return language;
			}
		}
		return 'en';
	}

	function format(template, values) {
		return template.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
	}

	/** Builds an element; children are nodes or text, never HTML. */
	function h(tag, attributes, ...children) {
		const element = document.createElement(tag);
		for (const [name, value] of Object.entries(attributes || {})) {
			if (value !== null && value !== undefined && value !== false) {
				element.setAttribute(name, value === true ? '' : String(value));
			}
		}
		for (const child of children.flat()) {
			if (child !== null && child !== undefined && child !== false) {
				element.append(child instanceof Node ? child : document.createTextNode(String(child)));
			}
		}
		return element;
	}

	/** What a failed GraphQL answer says of the marketplaces: the names of those that did not answer. */
	function failedMarketplaces(errors) {
		const failed = new Set((errors || [])
			.filter((error) => error.extensions && error.extensions.upstream)
			.map((error) => error.extensions.upstream));
		return MARKETPLACES.filter((marketplace) => failed.has(marketplace.upstream));
	}

	class TmallCompare extends HTMLElement {

		static get observedAttributes() {
			return ['gtin', 'ship-to', 'currency', 'endpoint', 'key', 'lang'];
		}

		constructor() {
			super();
			this.attachShadow({ mode: 'open' });
			this.request = null;
			this.scheduled = false;
		}

		connectedCallback() {
			this.schedule();
		}

		disconnectedCallback() {
			if (this.request) {
				this.request.abort();
			}
		}

		attributeChangedCallback() {
			if (this.isConnected) {
				this.schedule();
			}
		}

		/** One load for any number of attribute changes in the same task. */
		schedule() {
			if (this.scheduled) {
				return;
			}
			this.scheduled = true;
			queueMicrotask(() => {
				this.scheduled = false;
				this.load();
			});
		}

		async load() {
			if (this.request) {
				this.request.abort();
			}
			const request = new AbortController();
			this.request = request;
			const timeout = setTimeout(() => request.abort(), TIMEOUT_MS);
			const language = languageOf(this);
			this.messages = MESSAGES[language];
			this.language = language;
			this.showLoading();
			try {
				const answer = await this.fetchComparison(language, request.signal);
				if (this.request === request) {
					this.showAnswer(answer);
				}
			}
			catch (error) {
				if (this.request === request) {
					this.showMessage('error', this.messages.failed);
				}
			}
			finally {
				clearTimeout(timeout);
			}
		}

		async fetchComparison(language, signal) {
			const headers = {
				'Content-Type': 'application/json',
				Accept: 'application/graphql-response+json, application/json',
				'Accept-Language': language,
			};
			const key = this.getAttribute('key');
			if (key) {
				headers['X-Api-Key'] = key;
			}
			const body = {
				operationName: OPERATION_NAME,
				variables: {
					gtin: this.getAttribute('gtin') || '',
					shipTo: (this.getAttribute('ship-to') || '').toUpperCase(),
					currency: (this.getAttribute('currency') || 'EUR').toUpperCase(),
				},
				extensions: { persistedQuery: { version: 1, sha256Hash: DOCUMENT_SHA256 } },
			};
			const endpoint = this.getAttribute('endpoint') || new URL('../graphql', SCRIPT_URL).href;
			const response = await fetch(endpoint, {
				method: 'POST', headers, body: JSON.stringify(body), signal, credentials: 'omit', mode: 'cors',
			});
			const answer = await response.json();
			if (!response.ok || !answer || (!answer.data && answer.errors)) {
				console.warn('<tmall-compare>: the gateway refused the request', response.status,
					answer && answer.errors ? answer.errors.map((error) => error.message) : '');
				throw new Error('refused');
			}
			return answer;
		}

		frame(state, busy, title, ...content) {
			this.setAttribute('state', state);
			const label = this.messages.region + (title ? ': ' + title : '');
			const section = h('section', { 'aria-label': label, 'aria-busy': busy ? 'true' : 'false',
				lang: this.language }, ...content);
			this.shadowRoot.replaceChildren(h('style', null, STYLE), section);
			return section;
		}

		showLoading() {
			const skeleton = () => h('div', { class: 'card skeleton', 'aria-hidden': 'true' },
				h('span', { class: 'bar' }), h('span', { class: 'bar short' }), h('span', { class: 'bar' }));
			this.frame('loading', true, '',
				h('p', { class: 'title', role: 'status' }, this.messages.loading),
				h('div', { class: 'offers' }, skeleton(), skeleton()),
				h('p', { class: 'summary' }));
		}

		showMessage(state, text) {
			this.frame(state, false, '',
				h('p', { class: 'title' }),
				h('div', { class: 'offers' }, h('p', { class: 'card empty', role: 'status' }, text)),
				h('p', { class: 'summary' }));
		}

		showAnswer(answer) {
			const product = answer.data && answer.data.product;
			const failed = failedMarketplaces(answer.errors);
			if (!product) {
				if (failed.length > 0) {
					this.showMessage('partial', failed.map((marketplace) => this.text('missing', { marketplace: marketplace.name })).join(' '));
				}
				else {
					this.showMessage('empty', this.messages.empty);
				}
				return;
			}
			const cards = [];
			for (const marketplace of MARKETPLACES) {
				const offers = product.offers.filter((offer) => offer.marketplace === marketplace.code);
				offers.forEach((offer) => cards.push(this.offerCard(offer, marketplace, product)));
				if (offers.length === 0 && failed.includes(marketplace)) {
					cards.push(h('p', { class: 'card notice', role: 'status' },
						this.text('missing', { marketplace: marketplace.name })));
				}
			}
			this.frame(failed.length > 0 ? 'partial' : 'ready', false, product.title,
				h('h2', { title: product.title }, product.title),
				h('div', { class: 'offers' }, cards),
				h('p', { class: 'summary' }, this.summary(product.comparison)));
		}

		offerCard(offer, marketplace, product) {
			const compared = product.offers.length > 1;
			const cheapest = compared && product.comparison.cheapest.id === offer.id;
			const fastest = compared && product.comparison.fastest.id === offer.id;
			const cost = offer.landedCost;
			const headingId = 'offer-' + offer.id.replace(/[^A-Za-z0-9_-]/g, '');
			const date = new Date(offer.delivery.latestDate + 'T00:00:00Z');
			const dateText = new Intl.DateTimeFormat(this.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
			const percent = (value) => new Intl.NumberFormat(this.language, { style: 'percent', maximumFractionDigits: 1 })
				.format(value / 100);
			return h('article', { class: 'card' + (cheapest ? ' best' : ''), 'aria-labelledby': headingId,
				'data-marketplace': offer.marketplace },
				h('div', { class: 'head' },
					h('h3', { id: headingId }, marketplace.name),
					h('span', { class: 'badge ' + offer.origin }, this.messages[offer.origin])),
				h('ul', { class: 'marks' },
					cheapest && h('li', { class: 'cheapest' }, this.messages.cheapest),
					fastest && h('li', { class: 'fastest' }, this.messages.fastest)),
				h('p', { class: 'label' }, offer.delivery.label),
				h('p', { class: 'date' }, this.messages.arrives.split('{date}').flatMap((part, index) => (index === 0
					? [part] : [h('time', { datetime: offer.delivery.latestDate }, dateText), part]))),
				h('p', { class: 'total' },
					h('span', null, this.messages.total),
					h('strong', null, cost.total.formatted),
					cost.exchangeRatesOutdated && h('span', { class: 'estimate' }, this.messages.estimate)),
				h('details', null,
					h('summary', null, this.messages.breakdown),
					h('dl', null,
						h('dt', null, this.messages.goods), h('dd', null, cost.goods.formatted),
						h('dt', null, this.messages.shipping), h('dd', null, cost.shipping.formatted),
						h('dt', null, this.text('vat', { rate: percent(cost.vatRate) })), h('dd', null, cost.vat.formatted),
						h('dt', null, this.messages.duty), h('dd', null, cost.duty.formatted),
						h('dt', null, this.messages.fees), h('dd', null, cost.fees.formatted),
						h('dt', null, this.messages.regime), h('dd', { class: 'regime' }, this.messages[cost.regime]))),
				h('a', { href: offer.url, target: '_blank', rel: 'noopener' },
					this.text('view', { marketplace: marketplace.name })));
		}

		/** The local premium and the days saved, in a sentence each; nothing when there is no local offer and import to compare. */
		summary(comparison) {
			const premium = comparison.localPremium;
			if (!premium) {
				return '';
			}
			const negative = premium.amount.amount.trim().startsWith('-');
			const amount = premium.amount.formatted.replace(/[-\u2212]/, '').trim();
			const percent = new Intl.NumberFormat(this.language, { style: 'percent', maximumFractionDigits: 1 })
				.format(Math.abs(premium.percent) / 100);
			const sentences = [this.text(negative ? 'less' : 'more', { amount, percent })];
			if (comparison.daysSaved > 0) {
				sentences.push(this.text('sooner', { days: this.days(comparison.daysSaved) }));
			}
			return sentences.join(' ');
		}

		days(count) {
			const forms = this.messages.days;
			const category = new Intl.PluralRules(this.language).select(count);
			return (forms[category] || forms.other).replace('#', new Intl.NumberFormat(this.language).format(count));
		}

		text(key, values) {
			return format(this.messages[key], values);
		}

	}

	if (!customElements.get('tmall-compare')) {
		customElements.define('tmall-compare', TmallCompare);
	}
})();
