package eu.tmall.gateway.graphql;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import org.jspecify.annotations.Nullable;

/**
 * graphql-java's chain of instrumentations, less the per-field calls none of them
 * implements. The chain asks every instrumentation at every hook, and the per-field hooks
 * run several times for each field of the answer; the gateway's instrumentations (query
 * limits, operation names, spring-graphql's observations) work per operation, so those
 * calls only allocated empty contexts (a sixth of warm {@code products} of 50's CPU). A
 * hook that any instrumentation implements runs through the whole chain as before.
 */
class InstrumentationChain extends ChainedInstrumentation {

	private static final Set<String> FIELD_HOOKS = Set.of("beginExecuteObject", "beginFieldExecution",
			"beginFieldFetch", "beginFieldFetching", "beginFieldCompletion", "beginFieldListCompletion",
			"instrumentDataFetcher");

	private final Set<String> implemented;

	InstrumentationChain(List<Instrumentation> instrumentations) {
		super(instrumentations);
		this.implemented = Arrays.stream(Instrumentation.class.getMethods())
			.filter(hook -> FIELD_HOOKS.contains(hook.getName()))
			.filter(hook -> instrumentations.stream()
				.anyMatch(instrumentation -> implementsHook(instrumentation, hook)))
			.map(Method::getName)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Whether a class of its own, not graphql-java's defaults, answers the hook; field
	 * observations that are off wrap no field.
	 */
	private static boolean implementsHook(Instrumentation instrumentation, Method hook) {
		if (instrumentation instanceof FieldObservations observations && !observations.fieldsObserved()
				&& "instrumentDataFetcher".equals(hook.getName())) {
			return false;
		}
		try {
			Class<?> declaring = instrumentation.getClass()
				.getMethod(hook.getName(), hook.getParameterTypes())
				.getDeclaringClass();
			return declaring != Instrumentation.class && declaring != SimplePerformantInstrumentation.class;
		}
		catch (NoSuchMethodException ex) {
			return true;
		}
	}

	boolean chains(String hook) {
		return this.implemented.contains(hook);
	}

	@Override
	public @Nullable ExecuteObjectInstrumentationContext beginExecuteObject(
			InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
		return chains("beginExecuteObject") ? super.beginExecuteObject(parameters, state) : null;
	}

	@Override
	public @Nullable InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
			InstrumentationState state) {
		return chains("beginFieldExecution") ? super.beginFieldExecution(parameters, state) : null;
	}

	@Override
	@SuppressWarnings("deprecation")
	public @Nullable InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		return chains("beginFieldFetch") ? super.beginFieldFetch(parameters, state) : null;
	}

	@Override
	public @Nullable FieldFetchingInstrumentationContext beginFieldFetching(
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		return chains("beginFieldFetching") ? super.beginFieldFetching(parameters, state) : null;
	}

	@Override
	public @Nullable InstrumentationContext<Object> beginFieldCompletion(
			InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
		return chains("beginFieldCompletion") ? super.beginFieldCompletion(parameters, state) : null;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		return chains("instrumentDataFetcher") ? super.instrumentDataFetcher(dataFetcher, parameters, state)
				: dataFetcher;
	}

	@Override
	public @Nullable InstrumentationContext<Object> beginFieldListCompletion(
			InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
		return chains("beginFieldListCompletion") ? super.beginFieldListCompletion(parameters, state) : null;
	}

}
