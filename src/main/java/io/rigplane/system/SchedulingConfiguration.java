package io.rigplane.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on {@code @Scheduled} for light housekeeping (purges). Jobs that do real work on VMs
 * run as operations on Quartz instead, where a crashed replica's work is recovered.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
