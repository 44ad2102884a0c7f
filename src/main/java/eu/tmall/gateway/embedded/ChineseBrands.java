package eu.tmall.gateway.embedded;

import java.util.List;

/**
 * The Chinese brands that only AliExpress sells.
 */
final class ChineseBrands {

	static final List<Brand> ALL = Brand.parseAll(
			"""
					Baseus|CN|L|1,2|Bowie,Encok,WM>Wireless Headphones,True Wireless Earbuds,Noise Cancelling Headphones|Blade,Adaman,GaN5 Pro>Power Bank,USB-C Charger,Wireless Charger,Car Phone Holder
					Ugreen|CN|L|1,2|Nexode,HiTune,Revodok>USB-C Charger,Power Bank,True Wireless Earbuds,USB-C Hub,Wireless Charger|Max>Wireless Mouse
					Xiaomi|CN|M|1,2|Redmi Note,Poco X,Mi>Smartphone|Smart Band,Watch S>Fitness Tracker,Smartwatch|Mijia,Robot Vacuum S>Robot Vacuum,Kettle,Air Fryer,Stick Vacuum|Buds>True Wireless Earbuds
					Redmi|CN|L|1,2|Buds,Watch,Pad>True Wireless Earbuds,Smartwatch|Note,A>Smartphone|Display>Monitor
					Lenovo|CN|M|2,3|ThinkPlus LP,Legion,IdeaPad>True Wireless Earbuds,Wireless Headphones,Laptop,Gaming Headset|ThinkPad,Go>Wireless Mouse,Keyboard and Mouse Set,USB-C Hub
					QCY|CN|L|1,2|T,HT,MeloBuds,H>True Wireless Earbuds,Noise Cancelling Headphones,Wireless Headphones,Sports Earbuds
					Haylou|CN|L|1,2|GT,S,W,Solar>True Wireless Earbuds,Wireless Headphones,Smartwatch
					Soundcore|CN|M|1,2|Life Q,Space,Liberty,Motion>Noise Cancelling Headphones,Wireless Headphones,True Wireless Earbuds,Bluetooth Speaker,Portable Speaker
					Anker|CN|M|3|PowerCore,Nano,MagGo,PowerExpand>Power Bank,USB-C Charger,Wireless Charger,USB-C Hub
					BlitzWolf|CN|L|2|BW-FYE,BW-HP,BW-AS,BW-WA>True Wireless Earbuds,Wireless Headphones,Bluetooth Speaker,Webcam
					Tronsmart|CN|L|1,2|Apollo,Sounfii,Bang,T7>True Wireless Earbuds,Portable Speaker,Bluetooth Speaker,Gaming Headset
					Joyroom|CN|L|2|JR-T,JR-OH,JR-ZS>True Wireless Earbuds,Car Phone Holder,USB-C Charger,Phone Case
					Edifier|CN|M|3|W,WH,NeoBuds,MR>Wireless Headphones,Noise Cancelling Headphones,True Wireless Earbuds,Bluetooth Speaker
					Dreame|CN|M|2|L,D,H,V>Robot Vacuum,Stick Vacuum
					Roborock|CN|H|1,2|Q,S,Dyad>Robot Vacuum,Stick Vacuum
					Deerma|CN|L|2|DEM-F,DEM-SJ,DEM-TB>Kettle,Hand Blender,Steam Cleaner,Steam Iron
					Redragon|CN|L|3|K,M,H>Mechanical Keyboard,Wireless Mouse,Gaming Headset
					Aula|CN|L|2|F,SC,Win>Mechanical Keyboard,Keyboard and Mouse Set
					Focallure|CN|L|2,3|Go Travel,Staymax,Matte Velvet>Lipstick,Foundation,Eyeshadow Palette,Nail Polish
					Naturehike|CN|L|2|Cloud Up,Mongar,Rock,Ultralight>Tent,Sleeping Bag,Hiking Backpack,Trekking Poles
					Mould King|CN|L|5|Technique,City,Creator>Building Set
					Deli|CN|L|3|DL,E>Screwdriver Set,Cordless Drill,Laser Level,Pruning Shears
					Hoto|CN|M|2|QWLJ,QWDD>Screwdriver Set,Cordless Drill,Laser Level
					Worx|CN|M|3|WG,WX,Landroid>Cordless Drill,Hedge Trimmer,Lawn Mower,Leaf Blower,Chainsaw
					Keep|CN|L|2|K,Yoga,Fit>Yoga Mat,Dumbbell Set,Sports Bottle,Fitness Tracker
					Enchen|CN|L|1,2|BlackStone,Traveler,Boost>Electric Shaver,Beard Trimmer,Hair Straightener
					Oclean|CN|M|1,2|X,Flow,Air>Electric Toothbrush
					Dreame Hair|CN|M|1,2|Glory,Pocket,AirStyle>Hair Dryer,Hair Straightener
					Hoco|CN|L|2,3|EQ,CW,Q>True Wireless Earbuds,Wireless Charger,Power Bank,Phone Case,Car Phone Holder
					Essager|CN|L|2|Ocean,Shining>USB-C Charger,Power Bank,Car Phone Holder,Phone Case
					""");

	private ChineseBrands() {
	}

}
