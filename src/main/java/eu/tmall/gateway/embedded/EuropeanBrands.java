package eu.tmall.gateway.embedded;

import java.util.List;

/**
 * The European brands sold on Tmall Europe, whose products AliExpress resellers offer
 * too.
 */
final class EuropeanBrands {

	static final List<Brand> ALL = Brand.parseAll(
			"""
					Sennheiser|DE|H|1,3|Momentum,HD,Accentum>Wireless Headphones,Noise Cancelling Headphones,Over-Ear Headphones|CX,Momentum Sport>True Wireless Earbuds,Sports Earbuds
					Beyerdynamic|DE|H|3|DT,Amiron,Aventho>Over-Ear Headphones,Wireless Headphones,Gaming Headset|Free Byrd>True Wireless Earbuds
					Teufel|DE|M|1,2|Real Blue,Airy>Noise Cancelling Headphones,Wireless Headphones,True Wireless Earbuds|Boomster,Rockster,Cinebar>Portable Speaker,Bluetooth Speaker,Soundbar
					Bosch|DE|M|2,3|PSR,GSR,PST,AdvancedImpact>Cordless Drill,Hammer Drill,Jigsaw,Angle Grinder,Laser Level|Serie 4,Serie 6,MUM>Food Processor,Kettle,Toaster,Hand Blender,Stand Mixer,Stick Vacuum
					Braun|DE|M|1,4|Series,Silk-epil,Satin Hair,MGK>Electric Shaver,Epilator,Hair Dryer,Beard Trimmer,Hair Straightener|MultiQuick,PurEase,IDCollection>Hand Blender,Kettle,Toaster
					WMF|DE|H|1|Profi,Permadur,Gourmet Plus,Spitzenklasse>Frying Pan,Cookware Set,Cutlery Set,Knife Block Set,Pressure Cooker|Lono,Kitchenminis,Bueno>Kettle,Toaster,Hand Blender
					Zwilling|DE|H|1|Pro,Four Star,Twin Signature,Madura Plus,Fresh & Save>Chef's Knife,Knife Block Set,Frying Pan,Cookware Set,Storage Containers Set
					Beurer|DE|M|2,3|HC,HS,MG,BF>Hair Dryer,Hair Straightener,Massage Gun,Epilator|AS,PM>Fitness Tracker
					Kärcher|DE|M|1|K2,K4,K5,K7,OC>Pressure Washer,Garden Hose Set|WV,FC,SC,VC>Window Vacuum,Stick Vacuum,Steam Cleaner
					Gardena|DE|M|2,3|ComfortCut,EasyCut,PowerMax,Classic,Premium>Hedge Trimmer,Lawn Mower,Garden Hose Set,Pruning Shears,Garden Sprinkler
					Einhell|DE|L|2,3|TE-CD,TC-ID,Power X-Change,GE-CM>Cordless Drill,Hammer Drill,Angle Grinder,Jigsaw,Chainsaw,Hedge Trimmer,Leaf Blower
					Playmobil|DE|M|5|City Life,Novelmore,Country,Family Fun,Wiltopia,Action Heroes>Figure Set,Playset,Dollhouse
					Ravensburger|DE|M|5|GraviTrax,Tiptoi,Disney,Classic>Puzzle,Board Game,Marble Run
					Schleich|DE|L|5|Horse Club,Dinosaurs,Wild Life,Farm World>Figure Set,Playset
					Haba|DE|M|4|Little Friends,Kullerbü,My First>Wooden Toy,Board Game,Plush Toy
					Puma|DE|M|1,2|Velocity Nitro,Deviate Nitro,Future,Ultra,teamGOAL,Orbita>Running Shoes,Football,Training Jacket,Gym Bag,Sports Bottle
					adidas|DE|M|1,2|Ultraboost,Adizero,Predator,Tiro,Al Rihla>Running Shoes,Football,Training Jacket,Gym Bag
					Deuter|DE|H|2|Futura,Speed Lite,Trail,Aircontact,Astro>Hiking Backpack,Sleeping Bag,Laptop Backpack
					Cherry|DE|M|1,3|KC,MX Board,Stream,Gentix,DW>Mechanical Keyboard,Wireless Mouse,Keyboard and Mouse Set
					Hama|DE|L|2,3|Fabric,Protector,Uni,MagLine>Phone Case,USB-C Charger,Power Bank,Car Phone Holder,Wireless Charger
					Medion|DE|M|2,4|Akoya,Erazer,Lifetab>Laptop,Monitor,Webcam
					Gigaset|DE|M|1,3|GS,GX,CL>Smartphone,Feature Phone
					Philips|NL|M|3,4|Series 2200,Series 3200,LatteGo,Airfryer,Azur>Coffee Machine,Espresso Machine,Air Fryer,Steam Iron,Kettle,Blender|Sonicare,OneBlade,Series 7000,Lumea>Electric Toothbrush,Electric Shaver,Beard Trimmer,Hair Dryer|TAH,TAT,TAA,TAK>Wireless Headphones,On-Ear Headphones,True Wireless Earbuds,Kids Headphones,Sports Earbuds
					Trust|NL|L|2,4|GXT,Ozaa,Primo,Tytan,Trino>Wireless Mouse,Webcam,USB-C Hub,Keyboard and Mouse Set,Gaming Headset
					Fairphone|NL|H|1|Fairphone>Smartphone|Fairbuds>True Wireless Earbuds,Wireless Headphones
					Rituals|NL|M|2|The Ritual of Sakura,The Ritual of Karma,The Ritual of Jing>Body Cream
					Rowenta|FR|M|2,4|Focus,Eco Intelligence,X-Force,Access Steam>Steam Iron,Stick Vacuum,Fan Heater|Karl Lagerfeld,Volum'24,Optiliss>Hair Dryer,Hair Straightener
					Moulinex|FR|M|1,3|Easy Fry,Masterchef,Subito,Perfect Mix,Cookeo>Air Fryer,Stand Mixer,Kettle,Blender,Food Processor,Multicooker
					SEB|FR|M|1|Clipso,Authentic,Secure>Pressure Cooker,Cookware Set,Frying Pan
					Tefal|FR|M|1,2|Ingenio,Unlimited,Excellence,Jamie Oliver>Frying Pan,Cookware Set,Kitchen Scale|Easy Fry,Ultimate,Puregliss>Air Fryer,Steam Iron
					Bic|FR|L|1|Flex,Hybrid,Soleil>Shaving Razors|Kids Evolution,Kids Visa>Kids Colouring Set
					Decathlon|FR|L|3|Quechua MH,Kalenji Run,Domyos,Forclaz Trek,Kipsta,Btwin>Tent,Running Shoes,Yoga Mat,Dumbbell Set,Hiking Backpack,Football,Bike Helmet,Sleeping Bag,Trekking Poles
					LEGO|DK|M|5|Technic,City,Star Wars,Creator,Friends,Duplo,Ideas,Icons,Ninjago>Building Set
					Jabra|DK|M|1,2|Elite,Evolve2,Talk>True Wireless Earbuds,Sports Earbuds,Wireless Headphones,Noise Cancelling Headphones|Evolve2,Speak2>Office Headset,Conference Speaker
					Bang & Olufsen|DK|H|1,2|Beoplay H,Beoplay EX,Beoplay HX>Wireless Headphones,Noise Cancelling Headphones,True Wireless Earbuds|Beosound,Beolit,Beosound A>Bluetooth Speaker,Portable Speaker,Soundbar
					Marshall|SE|M|1|Major,Monitor,Motif,Minor,Mode>Wireless Headphones,Noise Cancelling Headphones,On-Ear Headphones,True Wireless Earbuds|Emberton,Stanmore,Acton,Middleton,Willen>Bluetooth Speaker,Portable Speaker
					Urbanears|SE|L|1|Plattan,Pampas,Juno,Luma,Boo,Lotsen>On-Ear Headphones,Wireless Headphones,Over-Ear Headphones,True Wireless Earbuds,Kids Headphones
					Electrolux|SE|M|3,4|Well Q,Pure,Create,Explore,UltimateHome>Stick Vacuum,Robot Vacuum,Kettle,Toaster,Blender,Steam Iron
					Husqvarna|SE|H|3|Automower,Aspire,LC,T,HT>Lawn Mower,Chainsaw,Hedge Trimmer,Leaf Blower
					Fiskars|FI|M|1,2|Functional Form,Hard Edge,All Steel>Chef's Knife,Frying Pan,Kitchen Scissors|X-series,Xact,PowerGear,Solid>Axe,Pruning Shears,Garden Spade
					Nokia|FI|L|2,4|G,C,XR,105,2660 Flip>Smartphone,Feature Phone,Phone Case|Go Earbuds,Clarity>True Wireless Earbuds,Wireless Headphones
					Smeg|IT|H|2|50's Style,Collezione,Dolce Stil Novo>Kettle,Toaster,Stand Mixer,Blender,Espresso Machine,Juicer
					De'Longhi|IT|M|3,4|Magnifica,Dedica,Eletta,La Specialista,Distinta,Icona>Coffee Machine,Espresso Machine,Kettle,Toaster,Fan Heater
					Bialetti|IT|L|1|Moka Express,Brikka,Venus,Musa,Kitty>Moka Pot,Frying Pan,Cookware Set
					Alessi|IT|H|4|Plissé>Kettle,Toaster|Dressed,Mami,Programma 8,Bauhaus>Cutlery Set,Dinner Set,Wine Glasses,Vase
					Imetec|IT|L|3,4|Salon Expert,Bellissima,Eco>Hair Dryer,Hair Straightener|Zero-Glass,Evolution>Steam Iron,Fan Heater
					Kiko Milano|IT|L|2,3|Smart,Unlimited,Green Me,Gossamer>Lipstick,Foundation,Eyeshadow Palette,Nail Polish
					Clementoni|IT|L|5|Science & Play,Disney,High Quality Collection>Puzzle,Board Game,Science Kit
					Salewa|IT|H|2|Mountain Trainer,Alp Trainer,Ultra Flex,Sella>Running Shoes,Hiking Backpack,Trekking Poles,Training Jacket
					Cecotec|ES|L|4|Conga,Cecofry,Power Titanium,Cremmaet,Bolero,ThermoSense>Robot Vacuum,Stick Vacuum,Air Fryer,Coffee Machine,Blender,Kettle,Fan Heater
					Taurus|ES|L|3,4|Fryer,Bapi,Mycook,Alpatec,Piccolo>Air Fryer,Hand Blender,Kettle,Toaster,Fan Heater,Steam Iron,Food Processor
					Energy Sistem|ES|L|1,2|Style,Urban,Eco,Hi-Fi,Lol&Roll>Wireless Headphones,True Wireless Earbuds,Bluetooth Speaker,Kids Headphones,Gaming Headset,Sports Earbuds|Extra Battery>Power Bank
					Orbegozo|ES|L|3,4|SV,TO,BT,KT,FH>Fan Heater,Toaster,Hand Blender,Kettle,Steam Iron,Blender
					Zelmer|PL|L|3|Symbio,ZMM,ZHB,Aquos,Gastro>Food Processor,Hand Blender,Stand Mixer,Stick Vacuum,Juicer
					Amica|PL|L|3|Dolce,Retro,Steel,Cube>Kettle,Toaster,Air Fryer,Stick Vacuum
					Inglot|PL|M|2,3|Freedom System,O2M,AMC,HD>Eyeshadow Palette,Lipstick,Foundation,Nail Polish
					Krosno|PL|L|1|Avant-Garde,Harmony,Glamour,Splendour,Casual>Wine Glasses,Drinking Glasses Set,Vase
					Tescoma|CZ|L|1|Presto,GrandCHEF,Della Casa,Freshbox,SmartCLICK>Frying Pan,Kitchen Scale,Storage Containers Set,Cookware Set,Chef's Knife,Kitchen Scissors
					Niceboy|CZ|L|1,2|Hive,Raze,Watch>True Wireless Earbuds,Wireless Headphones,Bluetooth Speaker,Smartwatch
					Vista Alegre|PT|H|1|Transatlântica,Orquestra,Domo,Broadway>Dinner Set,Vase,Wine Glasses,Coffee Cups Set
					Swarovski|AT|H|1|Crystal Wonders,Kris Bear,Millenia,Constella>Crystal Figurine,Vase,Necklace,Earrings
					""");

	private EuropeanBrands() {
	}

}
