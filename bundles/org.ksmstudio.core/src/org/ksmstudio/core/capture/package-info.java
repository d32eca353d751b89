/**
 * Captured machines as scenario models: conversion of a live capture to a scenario, the files written and the shadow comparison. Nothing here is null unless marked {@code @Nullable}.
 */
@NonNullByDefault
package org.ksmstudio.core.capture;

import org.eclipse.jdt.annotation.NonNullByDefault;
