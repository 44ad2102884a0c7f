package eu.tmall.gateway.embedded;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kinds of product the catalog sells, with a realistic consumer price range (EUR,
 * including German VAT) and the variants a product line comes in.
 */
final class ProductTypes {

	private static final String COLOURS = "Black,White,Silver,Blue,Graphite";

	// Category|Type|lowest-highest price|variants ("-" for none; empty for the colours)
	private static final String TABLE = """
			Audio|Wireless Headphones|59-379|Black,White,Midnight Blue,Sand
			Audio|Noise Cancelling Headphones|99-449|Black,White,Graphite
			Audio|Over-Ear Headphones|49-299|Black,Silver
			Audio|On-Ear Headphones|29-149|Black,White,Dusty Rose,Sage Green
			Audio|Kids Headphones|19-59|Blue,Pink,Green
			Audio|True Wireless Earbuds|29-299|
			Audio|Sports Earbuds|39-199|Black,Lime,Navy
			Audio|Bluetooth Speaker|29-399|
			Audio|Portable Speaker|49-349|Black,Cream,Forest Green
			Audio|Soundbar|149-899|Black
			Audio|Gaming Headset|39-249|Black,White
			Phones & Accessories|Smartphone|129-699|128 GB,256 GB
			Phones & Accessories|Feature Phone|29-99|Black,Blue,Red
			Phones & Accessories|Phone Case|9-39|Black,Clear,Navy,Olive
			Phones & Accessories|Wireless Charger|19-79|Black,White
			Phones & Accessories|Power Bank|19-89|10000 mAh,20000 mAh
			Phones & Accessories|USB-C Charger|15-59|20 W,45 W,65 W
			Phones & Accessories|Smartwatch|49-349|Black,Silver,Rose Gold
			Phones & Accessories|Fitness Tracker|29-149|Black,Pink,Blue
			Phones & Accessories|Car Phone Holder|12-39|-
			Computers|Laptop|399-1599|8 GB RAM,16 GB RAM
			Computers|Wireless Mouse|15-99|Black,Grey,White
			Computers|Mechanical Keyboard|49-199|Red Switch,Brown Switch,Blue Switch
			Computers|Keyboard and Mouse Set|29-99|Black,White
			Computers|USB-C Hub|19-89|-
			Computers|Monitor|129-599|24 inch,27 inch
			Computers|Webcam|29-149|-
			Computers|Office Headset|69-399|Mono,Stereo
			Computers|Conference Speaker|99-399|-
			Computers|Laptop Backpack|29-129|Black,Grey,Navy
			Computers|External SSD|59-249|500 GB,1 TB,2 TB
			Home & Kitchen|Frying Pan|19-129|20 cm,24 cm,28 cm
			Home & Kitchen|Cookware Set|79-399|4 pieces,6 pieces
			Home & Kitchen|Chef's Knife|39-199|16 cm,20 cm
			Home & Kitchen|Knife Block Set|99-499|5 pieces,7 pieces
			Home & Kitchen|Moka Pot|19-89|3 cups,6 cups,9 cups
			Home & Kitchen|Kitchen Scissors|12-39|-
			Home & Kitchen|Kitchen Scale|15-49|-
			Home & Kitchen|Storage Containers Set|15-59|3 pieces,5 pieces
			Home & Kitchen|Cutlery Set|39-199|24 pieces,30 pieces
			Home & Kitchen|Pressure Cooker|59-199|4.5 l,6 l
			Home & Kitchen|Wine Glasses|19-89|Set of 2,Set of 6
			Home & Kitchen|Drinking Glasses Set|19-79|Set of 4,Set of 6
			Home & Kitchen|Dinner Set|49-249|12 pieces,18 pieces
			Home & Kitchen|Coffee Cups Set|29-149|Set of 2,Set of 4
			Home & Kitchen|Vase|29-249|Small,Large
			Home & Kitchen|Crystal Figurine|59-399|-
			Beauty|Electric Toothbrush|29-249|Black,White,Pink
			Beauty|Hair Dryer|29-199|Black,Rose Gold
			Beauty|Hair Straightener|25-149|-
			Beauty|Electric Shaver|49-349|-
			Beauty|Epilator|39-149|-
			Beauty|Beard Trimmer|25-99|-
			Beauty|Shaving Razors|5-19|Pack of 4,Pack of 8
			Beauty|Massage Gun|49-199|-
			Beauty|Eyeshadow Palette|15-59|Nude,Smoky,Warm
			Beauty|Lipstick|9-29|Red,Nude,Berry
			Beauty|Foundation|15-45|Light,Medium,Dark
			Beauty|Nail Polish|7-19|Red,Nude,Black
			Beauty|Body Cream|14-39|200 ml,400 ml
			Beauty|Necklace|79-249|Silver Tone,Gold Tone
			Beauty|Earrings|49-199|Silver Tone,Gold Tone
			Sports & Outdoors|Running Shoes|49-179|EU 40,EU 42,EU 44
			Sports & Outdoors|Football|14-129|Size 4,Size 5
			Sports & Outdoors|Yoga Mat|14-69|Purple,Grey,Green
			Sports & Outdoors|Tent|49-399|2 person,3 person
			Sports & Outdoors|Hiking Backpack|29-199|22 l,30 l,40 l
			Sports & Outdoors|Bike Helmet|29-149|S,M,L
			Sports & Outdoors|Sports Bottle|9-29|500 ml,750 ml
			Sports & Outdoors|Dumbbell Set|29-149|10 kg,20 kg
			Sports & Outdoors|Trekking Poles|19-99|-
			Sports & Outdoors|Sleeping Bag|29-199|-
			Sports & Outdoors|Training Jacket|39-119|S,M,L
			Sports & Outdoors|Gym Bag|19-69|Black,Navy
			Toys|Building Set|9-499|-
			Toys|Figure Set|9-99|-
			Toys|Playset|29-149|-
			Toys|Puzzle|9-39|500 pieces,1000 pieces
			Toys|Board Game|19-59|-
			Toys|Plush Toy|12-49|-
			Toys|Remote Control Car|29-149|-
			Toys|Wooden Toy|12-59|-
			Toys|Dollhouse|49-199|-
			Toys|Marble Run|29-99|-
			Toys|Science Kit|19-49|-
			Toys|Kids Colouring Set|7-25|-
			Tools & DIY|Cordless Drill|59-299|Solo,with 2 Batteries
			Tools & DIY|Hammer Drill|69-249|-
			Tools & DIY|Jigsaw|59-199|-
			Tools & DIY|Angle Grinder|49-199|-
			Tools & DIY|Pressure Washer|99-549|-
			Tools & DIY|Garden Hose Set|29-129|15 m,20 m
			Tools & DIY|Garden Sprinkler|14-79|-
			Tools & DIY|Hedge Trimmer|69-299|-
			Tools & DIY|Lawn Mower|149-799|-
			Tools & DIY|Leaf Blower|79-349|-
			Tools & DIY|Chainsaw|149-599|-
			Tools & DIY|Axe|29-99|-
			Tools & DIY|Pruning Shears|14-49|-
			Tools & DIY|Garden Spade|29-79|-
			Tools & DIY|Laser Level|39-199|-
			Tools & DIY|Screwdriver Set|12-59|-
			Small Appliances|Coffee Machine|149-899|Black,Silver
			Small Appliances|Espresso Machine|99-599|Black,Silver,Red
			Small Appliances|Kettle|29-149|Black,White,Cream,Red
			Small Appliances|Toaster|29-199|Black,White,Cream,Red
			Small Appliances|Blender|39-249|-
			Small Appliances|Hand Blender|29-99|-
			Small Appliances|Food Processor|79-399|-
			Small Appliances|Stand Mixer|149-699|Black,Cream,Red
			Small Appliances|Juicer|49-199|-
			Small Appliances|Air Fryer|59-229|4 l,6 l
			Small Appliances|Multicooker|99-299|-
			Small Appliances|Robot Vacuum|149-699|Black,White
			Small Appliances|Stick Vacuum|99-499|-
			Small Appliances|Window Vacuum|49-129|-
			Small Appliances|Steam Cleaner|99-299|-
			Small Appliances|Steam Iron|29-149|-
			Small Appliances|Fan Heater|29-99|-
			""";

	private static final Map<String, ProductType> BY_NAME = parse();

	private ProductTypes() {
	}

	static ProductType named(String name) {
		ProductType type = BY_NAME.get(name);
		if (type == null) {
			throw new IllegalArgumentException("Unknown product type " + name);
		}
		return type;
	}

	private static Map<String, ProductType> parse() {
		Map<String, ProductType> types = new LinkedHashMap<>();
		TABLE.lines().map((line) -> line.split("\\|", -1)).forEach((fields) -> {
			String[] prices = fields[2].split("-");
			String variants = fields[3].isEmpty() ? COLOURS : fields[3];
			List<String> variantList = "-".equals(variants) ? List.of() : Arrays.asList(variants.split(","));
			types.put(fields[1], new ProductType(fields[0], fields[1], new BigDecimal(prices[0]),
					new BigDecimal(prices[1]), List.copyOf(variantList)));
		});
		return types;
	}

	/**
	 * A kind of product.
	 *
	 * @param category the catalog category
	 * @param name the name used in titles
	 * @param lowestPrice the cheapest consumer price of the kind
	 * @param highestPrice the dearest consumer price of the kind
	 * @param variants the variants a line comes in, empty when it has none
	 */
	record ProductType(String category, String name, BigDecimal lowestPrice, BigDecimal highestPrice,
			List<String> variants) {

	}

}
