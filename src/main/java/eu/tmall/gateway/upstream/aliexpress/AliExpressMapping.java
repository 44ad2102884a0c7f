package eu.tmall.gateway.upstream.aliexpress;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import eu.tmall.gateway.catalog.Brand;
import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.Marketplace;
import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.delivery.Shipment;
import eu.tmall.gateway.delivery.ShippingOption;
import eu.tmall.gateway.pricing.Currency;
import eu.tmall.gateway.pricing.Money;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The border between AliExpress's DTOs and the catalog. A product without a valid EAN
 * cannot be joined and is left out, with a warning naming it.
 */
final class AliExpressMapping {

	private static final Logger logger = LoggerFactory.getLogger(AliExpressMapping.class);

	private AliExpressMapping() {
	}

	static @Nullable Offer toOffer(AliExpressProduct product, CountryCode shipTo) {
		List<Gtin> gtin = gtinOf(product);
		if (gtin.isEmpty()) {
			return null;
		}
		try {
			ShippingOption delivery = toShippingOption(product.defaultDelivery(), shipTo);
			return new Offer(Marketplace.ALIEXPRESS, String.valueOf(product.productId()), gtin.get(0),
					product.productTitle(), brand(product), product.firstLevelCategoryName(), images(product),
					product.shopName(),
					Money.of(product.targetSalePrice(), Currency.of(product.targetSalePriceCurrency())), delivery.fee(),
					delivery.shipment(), product.availableStock(), URI.create(product.productDetailUrl()), shipTo);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			logger.warn("AliExpress product {} breaks the contract and is left out: {}", product.productId(),
					ex.getMessage());
			return null;
		}
	}

	static ShippingOption toShippingOption(AliExpressDeliveryOption option, CountryCode shipTo) {
		Shipment shipment = new Shipment(CountryCode.of(option.shipFromCountry()), option.minDeliveryDays(),
				option.maxDeliveryDays(), option.serviceName());
		return new ShippingOption(option.serviceName(), shipment,
				Money.of(option.shippingFee(), Currency.of(option.shippingFeeCurrency())), shipTo);
	}

	static List<Gtin> gtinOf(AliExpressProduct product) {
		try {
			return List.of(Gtin.parse(product.ean()));
		}
		catch (IllegalArgumentException ex) {
			logger.warn("AliExpress product {} has no usable EAN and cannot be matched: {}", product.productId(),
					ex.getMessage());
			return List.of();
		}
	}

	private static @Nullable Brand brand(AliExpressProduct product) {
		return (product.brandName() != null && !product.brandName().isBlank()) ? new Brand(product.brandName(), null)
				: null;
	}

	private static List<String> images(AliExpressProduct product) {
		List<String> images = new ArrayList<>();
		if (product.productMainImageUrl() != null) {
			images.add(product.productMainImageUrl());
		}
		if (product.productSmallImageUrls() != null && product.productSmallImageUrls().string() != null) {
			images.addAll(product.productSmallImageUrls().string());
		}
		return images;
	}

}
