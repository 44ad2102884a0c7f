package eu.tmall.gateway.catalog;

import java.net.URI;
import java.util.function.Supplier;

import eu.tmall.gateway.delivery.DeliveryEstimate;
import eu.tmall.gateway.delivery.Origin;
import eu.tmall.gateway.pricing.Currency;
import eu.tmall.gateway.pricing.LandedCost;
import eu.tmall.gateway.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * An offer as one shopper sees it: in their currency, with its delivery dates and what it
 * costs delivered. The landed cost and the delivery estimate are worked out the first
 * time a field, a sort or a filter reads them, and kept: a query that asks for neither
 * pays for neither.
 */
public final class Quote {

	private final Offer offer;

	private final Money price;

	private final Money shippingFee;

	private final Memo<LandedCost> landedCost;

	private final Memo<DeliveryEstimate> delivery;

	public Quote(Offer offer, Money price, Money shippingFee, Supplier<LandedCost> landedCost,
			Supplier<DeliveryEstimate> delivery) {
		this.offer = offer;
		this.price = price;
		this.shippingFee = shippingFee;
		this.landedCost = new Memo<>(landedCost);
		this.delivery = new Memo<>(delivery);
	}

	/** A quote whose every part is known already. */
	public Quote(Offer offer, Money price, Money shippingFee, LandedCost landedCost, DeliveryEstimate delivery) {
		this(offer, price, shippingFee, () -> landedCost, () -> delivery);
	}

	public Offer offer() {
		return this.offer;
	}

	public Money price() {
		return this.price;
	}

	public Money shippingFee() {
		return this.shippingFee;
	}

	public LandedCost landedCost() {
		return this.landedCost.get();
	}

	public DeliveryEstimate delivery() {
		return this.delivery.get();
	}

	public OfferKey key() {
		return this.offer.key();
	}

	public Currency currency() {
		return this.price.currency();
	}

	public Marketplace marketplace() {
		return this.offer.marketplace();
	}

	public Origin origin() {
		return this.offer.origin();
	}

	public String title() {
		return this.offer.title();
	}

	public @Nullable String seller() {
		return this.offer.seller();
	}

	public @Nullable Integer stock() {
		return this.offer.stock();
	}

	public URI url() {
		return this.offer.url();
	}

	public boolean stale() {
		return this.offer.stale();
	}

	/** Ships from the EU, the shopper's own country included: no import charges. */
	public boolean isLocal() {
		return origin() != Origin.CROSS_BORDER;
	}

	/** In stock, or its marketplace does not say. */
	public boolean isAvailable() {
		Integer stock = stock();
		return stock == null || stock > 0;
	}

	/**
	 * The business days to the door, as the marketplace states them: no calendar needed.
	 */
	public int maxDays() {
		return this.offer.shipment().maxDays();
	}

	public Money total() {
		return landedCost().total();
	}

	@Override
	public String toString() {
		return "Quote[" + this.offer.key() + " in " + currency() + "]";
	}

	/**
	 * A value worked out once. Two threads may both work it out the first time: it is a
	 * pure function of the offer, so either answer will do.
	 */
	private static final class Memo<T> {

		private final Supplier<T> supplier;

		private volatile @Nullable T value;

		Memo(Supplier<T> supplier) {
			this.supplier = supplier;
		}

		T get() {
			T known = this.value;
			if (known == null) {
				known = this.supplier.get();
				this.value = known;
			}
			return known;
		}

	}

}
